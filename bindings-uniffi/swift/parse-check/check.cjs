// Parses each Swift file given (tree-sitter-swift's grammar) and prints every syntax error with
// its line; exits 1 if there is one. Usage: node check.cjs FILE.swift...
const fs = require('node:fs')
const Parser = require('tree-sitter')
const Swift = require('tree-sitter-swift')

const parser = new Parser()
parser.setLanguage(Swift)
// Valid Swift that tree-sitter-swift 0.7.1 cannot parse, blanked (same length, so lines keep their
// numbers) before parsing: uniffi emits each of these in every generated file.
const UNPARSED = [
  /^[ \t]*#if swift\(>=5\.8\)[ \t]*$/gm, // around the attribute below
  /^[ \t]*@_documentation\(visibility: private\)[ \t]*$/gm,
  /^[ \t]*#endif[ \t]*$/gm,
  /\bnonisolated\(unsafe\) /g,
]
const blank = (src) =>
  UNPARSED.reduce((s, re) => s.replace(re, (m) => m.replace(/[^\n]/g, ' ')), src)
    // `{ () }`, a closure returning Void: the grammar wants a statement, so the `()` goes.
    .replace(/\{ \(\) \}/g, '{    }')
let broken = 0
for (const file of process.argv.slice(2)) {
  const src = blank(fs.readFileSync(file, 'utf8'))
  const lines = src.split('\n')
  // The callback form: the string form is limited to 32 KiB, the generated binding is larger.
  const tree = parser.parse((i) => src.slice(i, i + 16384))
  const errors = []
  const walk = (n) => {
    if (n.type === 'ERROR' || n.isMissing) return errors.push(n)
    for (const c of n.children) walk(c)
  }
  walk(tree.rootNode)
  for (const n of errors) {
    const row = n.startPosition.row
    console.log(`${file}:${row + 1}: ${n.isMissing ? `missing ${n.type}` : 'syntax error'}: ${lines[row].trim().slice(0, 120)}`)
  }
  broken += errors.length > 0
}
console.log(`${process.argv.length - 2} Swift files parsed, ${broken} with syntax errors`)
process.exit(broken ? 1 : 0)
