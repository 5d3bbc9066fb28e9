package cn.minsheng.ballot.result;

import java.util.UUID;

/** Fired, inside the publishing transaction, when a result becomes public and final. */
public record ResultPublished(UUID ballotId, UUID congressId, ResultFigures figures) {
}
