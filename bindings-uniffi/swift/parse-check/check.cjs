// Parses each Swift file given (tree-sitter-swift's grammar) and prints every syntax error with
// its line; exits 1 if there is one. Usage: node check.cjs FILE.swift...
const fs = require('node:fs')
const Parser = require('tree-sitter')
const Swift = require('tree-sitter-swift')

const parser = new Parser()
parser.setLanguage(Swift)
let broken = 0
for (const file of process.argv.slice(2)) {
  const src = fs.readFileSync(file, 'utf8')
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
