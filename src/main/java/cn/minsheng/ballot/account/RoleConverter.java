package cn.minsheng.ballot.account;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import cn.minsheng.ballot.common.Role;

@Converter(autoApply = true)
public class RoleConverter implements AttributeConverter<Role, String> {

    @Override
    public String convertToDatabaseColumn(Role role) {
        return role == null ? null : role.value();
    }

    @Override
    public Role convertToEntityAttribute(String value) {
        return value == null ? null : Role.fromString(value);
    }
}
