// Generates the API client's types from the checked-in contract (openapi/openapi.json):
// src/api/generated/schema.d.ts (openapi-typescript) and src/api/generated/operations.ts (each
// operationId's method and path). `npm run check` then type-checks every call against them, so a
// contract change that breaks the client fails the build.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import openapiTS, { astToString } from 'openapi-typescript'

const here = path.dirname(fileURLToPath(import.meta.url))
const contract = path.resolve(here, '../../../../openapi/openapi.json')
const out = path.resolve(here, '../src/api/generated')
const spec = JSON.parse(fs.readFileSync(contract, 'utf8'))

fs.mkdirSync(out, { recursive: true })
const ast = await openapiTS(spec)
const types = '// generated from openapi/openapi.json by scripts/contract.mjs: do not edit\n' + astToString(ast)
writeIfChanged(path.join(out, 'schema.d.ts'), types)

const ops = {}
for (const [p, item] of Object.entries(spec.paths)) {
  for (const [method, op] of Object.entries(item)) {
    if (op && op.operationId) ops[op.operationId] = { method: method.toUpperCase(), path: p }
  }
}
writeIfChanged(path.join(out, 'operations.ts'),
  '// generated from openapi/openapi.json by scripts/contract.mjs: do not edit\n' +
  'export const OPERATIONS = ' + JSON.stringify(ops, null, 2) + ' as const\n')

function writeIfChanged(file, text) {
  if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) fs.writeFileSync(file, text)
}
