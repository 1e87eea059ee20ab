//! What pyo3's introspection cannot see, told to it: the exception classes (made by
//! `create_exception!`, which records no class) and the attributes every `SendGridError` carries.
//! With the `stubs` feature each becomes one introspection record in the library, in the form
//! pyo3's own macros write (a length and JSON in a `PYO3_INTROSPECTION_1_*` symbol), so `stubgen` writes them
//! into the `.pyi` with everything else; without it these macros expand to nothing.

/// The JSON text `"…"` of `s` (quoted and escaped), as a fixed-size array, at compile time.
#[cfg(feature = "stubs")]
pub const fn json_str<const N: usize>(s: &str) -> [u8; N] {
    let mut out = [0u8; N];
    out[0] = b'"';
    let n = pyo3::impl_::introspection::escape_json_string(s, out.split_at_mut(1).1);
    out[n + 1] = b'"';
    out
}

/// The length of `json_str(s)`.
#[cfg(feature = "stubs")]
pub const fn json_str_len(s: &str) -> usize {
    pyo3::impl_::introspection::escaped_json_string_len(s) + 2
}

/// One introspection record: `$symbol` names it, `$parts` (byte strings) are its JSON.
#[cfg(feature = "stubs")]
macro_rules! chunk {
    ($symbol:expr, $($part:expr),* $(,)?) => {
        const _: () = {
            use pyo3::impl_::{concat, introspection};
            const PARTS: &[&[u8]] = &[$($part),*];
            const LEN: usize = concat::combined_len(PARTS);
            #[used]
            #[export_name = concat!("PYO3_INTROSPECTION_1_", $symbol)]
            static CHUNK: introspection::SerializedIntrospectionFragment<LEN> =
                introspection::SerializedIntrospectionFragment {
                    length: LEN as u32,
                    fragment: concat::combine_to_array::<LEN>(PARTS),
                };
        };
    };
}
#[cfg(feature = "stubs")]
pub(crate) use chunk;

/// Records exception class `$name` (made by `create_exception!(sendgrid_admin, …)`): its base
/// (a JSON expression) and its docstring.
macro_rules! exception_chunk {
    ($name:ident, $base_json:expr, $doc:expr) => {
        #[cfg(feature = "stubs")]
        const _: () = {
            const DOC: &str = $doc;
            const DOC_LEN: usize = $crate::stubs::json_str_len(DOC);
            $crate::stubs::chunk!(
                concat!("sendgrid_admin_", stringify!($name)),
                concat!(
                    r#"{"type":"class","id":"sendgrid_admin"#,
                    stringify!($name),
                    r#"","name":""#,
                    stringify!($name),
                    r#"","bases":["#,
                    $base_json,
                    r#"],"doc":"#
                )
                .as_bytes(),
                &$crate::stubs::json_str::<DOC_LEN>(DOC),
                b"}",
            );
        };
    };
}
pub(crate) use exception_chunk;

/// Records the attributes of exception class `$class`, each with its annotation (Python text).
#[cfg(feature = "stubs")]
macro_rules! attribute_chunks {
    ($class:ident { $($attr:ident : $annotation:literal),* $(,)? }) => {$(
        $crate::stubs::chunk!(
            concat!("sendgrid_admin_", stringify!($class), "_", stringify!($attr)),
            concat!(
                r#"{"type":"attribute","parent":"sendgrid_admin"#,
                stringify!($class),
                r#"","name":""#,
                stringify!($attr),
                r#"","annotation":{"type":"constant","kind":"str","value":""#,
                $annotation,
                r#""}}"#
            )
            .as_bytes(),
        );
    )*};
}
#[cfg(feature = "stubs")]
pub(crate) use attribute_chunks;
