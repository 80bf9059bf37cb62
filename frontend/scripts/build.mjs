// npm run build: the type check (vue-tsc) beside the bundle (vite build), then the precompressed copies and the size
// report. The type check needs one core for most of its time and the bundle another; one after the other they took
// 19 s of a 32 s build on two cores. Either failing fails the build, with its own output.
import { spawn } from 'node:child_process'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const bin = (name) => join(root, 'node_modules', '.bin', name)

function run(cmd, args) {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { cwd: root, stdio: 'inherit' })
    p.on('error', reject)
    p.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')}: ${signal ?? `exit ${code}`}`))))
  })
}

try {
  await Promise.all([run(bin('vue-tsc'), ['--noEmit', '-p', 'tsconfig.json']), run(bin('vite'), ['build'])])
  await run(process.execPath, [join(root, 'scripts', 'compress.mjs')])
  await run(process.execPath, [join(root, 'scripts', 'size.mjs')])
} catch (e) {
  console.error(`build failed: ${e.message}`)
  process.exit(1)
}
