// Installs the front end's packages with `npm ci` (exactly the committed package-lock.json) when
// node_modules is missing or was installed from another lock; otherwise does nothing, so repeated
// Maven builds do not reinstall. Refuses a Node older than Vite needs, with a sentence saying so.
import fs from 'node:fs'
import path from 'node:path'
import { execSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const [major, minor] = process.versions.node.split('.').map(Number)
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Node ${process.versions.node} is too old for the pages' build (Vite needs 20.19 or newer): install Node 20 or 22.`)
  process.exit(1)
}
const lock = path.join(root, 'package-lock.json')
const installed = path.join(root, 'node_modules', '.package-lock.json')
const stamp = path.join(root, 'node_modules', '.ci-lock')
const want = fs.readFileSync(lock, 'utf8')
if (fs.existsSync(installed) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === want) {
  console.log('webui: packages up to date')
} else {
  console.log('webui: npm ci')
  execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' })
  fs.writeFileSync(stamp, want)
}
