// Where cargo put this repository's binaries, on any host: shared by the Node tests
// (bindings-node/__test__/helpers.mjs) and benchmarks (bench/node/common.mjs).
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

// process.arch as the first part of a Rust target triple.
const ARCH = { x64: 'x86_64', arm64: 'aarch64', ia32: 'i686', arm: 'armv7' }[process.arch] ?? process.arch

/** A binary cargo built, on any host: in $SENDGRID_ADMIN_TARGET/<profile>/ (tests/cargo-env.sh
 * sets it), else the newest of target/<profile>/ and target/<triple>/<profile>/ for a triple of
 * this machine's architecture (a cross-build, e.g. release/aarch64.sh's, is not run). */
export function built(name, profiles) {
  const exe = name + (process.platform === 'win32' ? '.exe' : '')
  const target = path.join(ROOT, 'target')
  for (const profile of profiles) {
    const dirs = process.env.SENDGRID_ADMIN_TARGET
      ? [process.env.SENDGRID_ADMIN_TARGET]
      : [target, ...(existsSync(target) ? readdirSync(target).filter((d) => d.startsWith(`${ARCH}-`)).map((d) => path.join(target, d)) : [])]
    const found = dirs.map((d) => path.join(d, profile, exe)).filter((p) => existsSync(p) && statSync(p).isFile())
    if (found.length) return found.reduce((a, b) => (statSync(b).mtimeMs > statSync(a).mtimeMs ? b : a))
  }
  return undefined
}
