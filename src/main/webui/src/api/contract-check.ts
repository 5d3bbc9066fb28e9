// A build-time guard, checked by `npm run check` (vue-tsc): every operation of the contract answers
// success with a typed body (a named schema, or a string for a binary download). An operation whose
// success body is untyped ({} → unknown) names itself in the type error below.
import type { operations } from './generated/schema'

type Success<R> = R extends { 200: { content: infer C } } ? C
  : R extends { 201: { content: infer C } } ? C
  : R extends { 202: { content: infer C } } ? C
  : never
type BodyOf<C> = C extends Record<string, infer B> ? B : never
// unknown (an untyped {}) has no keys; an object of optional fields is not unknown, though assignable from it
type IsUnknown<T> = unknown extends T ? ([keyof T] extends [never] ? true : false) : false
type Untyped = { [K in keyof operations]: IsUnknown<BodyOf<Success<operations[K]['responses']>>> extends true ? K : never }[keyof operations]

export const everySuccessIsTyped: [Untyped] extends [never] ? true : `untyped success body: ${Untyped}` = true
