//! The Python type annotations written in `#[pyo3(signature = (x: "…") -> "…")]`, which pyo3
//! records as plain strings, read back into expressions so the stub imports what they name.
//!
//! The grammar is the small part of Python's that the binding uses: names, dotted names,
//! subscripts (`list[Subuser]`, `Callable[[BulkProgress], object]`), `X | Y`, `None` and `...`.

use std::collections::BTreeSet;

use pyo3_introspection::model::{Constant, Expr, Operator};

/// Where the names an annotation may use come from.
pub struct Names {
    /// Classes of the native module itself.
    pub local: BTreeSet<String>,
    /// Aliases of `sendgrid_admin/types.py` (the `Literal` string choices).
    pub aliases: BTreeSet<String>,
}

const BUILTINS: &[&str] = &[
    "bool", "bytes", "dict", "float", "int", "list", "object", "str", "tuple", "type",
];
const TYPING: &[&str] = &[
    "Any",
    "AsyncIterator",
    "Awaitable",
    "Callable",
    "Coroutine",
    "Iterator",
    "Mapping",
    "Sequence",
];
/// Type variables the generator declares itself (see `main.rs`).
pub const TYPE_VARS: &[&str] = &["_T"];

impl Names {
    fn resolve(&self, name: &str) -> Result<Expr, String> {
        Ok(match name {
            "None" => Expr::Constant {
                value: Constant::None,
            },
            // Replaced by the class it appears in (see `main.rs`).
            "Self" => Expr::Name { id: "Self".into() },
            _ if BUILTINS.contains(&name) || TYPE_VARS.contains(&name) => {
                Expr::Name { id: name.into() }
            }
            _ if TYPING.contains(&name) => in_module("typing", name),
            _ if self.local.contains(name) => in_module(crate::MODULE, name),
            _ if self.aliases.contains(name) => in_module("sendgrid_admin.types", name),
            _ => return Err(format!("unknown name `{name}`")),
        })
    }

    /// `text` as an expression; an error names what could not be read.
    pub fn parse(&self, text: &str) -> Result<Expr, String> {
        let mut p = Parser {
            names: self,
            rest: text.trim_start(),
        };
        let e = p.union().and_then(|e| match p.rest {
            "" => Ok(e),
            rest => Err(format!("unexpected `{rest}`")),
        });
        e.map_err(|e| format!("{e} in annotation `{text}`"))
    }
}

/// `module.name`: how pyo3 writes a name to import (a local class's module is [`crate::MODULE`]).
pub fn in_module(module: &str, name: &str) -> Expr {
    Expr::Attribute {
        value: Box::new(Expr::Name { id: module.into() }),
        attr: name.into(),
    }
}

struct Parser<'a> {
    names: &'a Names,
    rest: &'a str,
}

impl Parser<'_> {
    fn eat(&mut self, token: &str) -> bool {
        match self.rest.strip_prefix(token) {
            Some(rest) => {
                self.rest = rest.trim_start();
                true
            }
            None => false,
        }
    }

    fn union(&mut self) -> Result<Expr, String> {
        let mut left = self.primary()?;
        while self.eat("|") {
            let right = self.primary()?;
            left = Expr::BinOp {
                left: Box::new(left),
                op: Operator::BitOr,
                right: Box::new(right),
            };
        }
        Ok(left)
    }

    /// `a, b, …` up to `close` (consumed).
    fn list(&mut self, close: &str) -> Result<Vec<Expr>, String> {
        let mut elts = Vec::new();
        while !self.eat(close) {
            if !elts.is_empty() && !self.eat(",") {
                return Err(format!("expected `,` or `{close}` before `{}`", self.rest));
            }
            elts.push(self.union()?);
        }
        Ok(elts)
    }

    fn primary(&mut self) -> Result<Expr, String> {
        let mut e = if self.eat("...") {
            Expr::Constant {
                value: Constant::Ellipsis,
            }
        } else if self.eat("[") {
            Expr::List {
                elts: self.list("]")?,
            }
        } else if self.eat("(") {
            Expr::Tuple {
                elts: self.list(")")?,
            }
        } else {
            let end = self
                .rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(self.rest.len());
            if end == 0 {
                return Err(format!("expected a name at `{}`", self.rest));
            }
            let (name, rest) = self.rest.split_at(end);
            self.rest = rest.trim_start();
            self.names.resolve(name)?
        };
        if self.eat("[") {
            let mut elts = self.list("]")?;
            let slice = if elts.len() == 1 {
                elts.remove(0)
            } else {
                Expr::Tuple { elts }
            };
            e = Expr::Subscript {
                value: Box::new(e),
                slice: Box::new(slice),
            };
        }
        Ok(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> Names {
        Names {
            local: ["Subuser", "BulkProgress"].map(String::from).into(),
            aliases: ["Region"].map(String::from).into(),
        }
    }

    fn name(id: &str) -> Expr {
        Expr::Name { id: id.into() }
    }

    fn attr(module: &str, attr: &str) -> Expr {
        Expr::Attribute {
            value: Box::new(name(module)),
            attr: attr.into(),
        }
    }

    fn sub(value: Expr, slice: Expr) -> Expr {
        Expr::Subscript {
            value: Box::new(value),
            slice: Box::new(slice),
        }
    }

    #[test]
    fn reads_names_from_each_source() {
        let n = names();
        assert_eq!(
            n.parse("list[Subuser]"),
            Ok(sub(name("list"), attr("_native", "Subuser")))
        );
        assert_eq!(
            n.parse("Region | None"),
            Ok(Expr::BinOp {
                left: Box::new(attr("sendgrid_admin.types", "Region")),
                op: Operator::BitOr,
                right: Box::new(Expr::Constant {
                    value: Constant::None
                }),
            })
        );
    }

    #[test]
    fn reads_nested_subscripts_lists_and_empty_tuples() {
        let n = names();
        let callable = sub(
            attr("typing", "Callable"),
            Expr::Tuple {
                elts: vec![
                    Expr::List {
                        elts: vec![attr("_native", "BulkProgress")],
                    },
                    name("object"),
                ],
            },
        );
        assert_eq!(n.parse(" Callable[[BulkProgress], object] "), Ok(callable));
        let empty = Expr::Tuple { elts: vec![] };
        assert_eq!(n.parse("tuple[()]"), Ok(sub(name("tuple"), empty)));
    }

    #[test]
    fn refuses_unknown_names_and_trailing_text() {
        let n = names();
        assert_eq!(
            n.parse("list[Subusr]"),
            Err("unknown name `Subusr` in annotation `list[Subusr]`".into())
        );
        assert!(n.parse("str str").unwrap_err().contains("unexpected `str`"));
        assert!(n.parse("list[str").is_err());
        assert!(n.parse("").is_err());
    }
}
