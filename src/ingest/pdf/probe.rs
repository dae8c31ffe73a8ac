//! Looks into the document with lopdf where pdf-extract tells us nothing: which fonts it would
//! choke on, whether a page without text shows images, whether its content stream parses.

use std::collections::HashSet;

use pdf_extract::content::Content;
use pdf_extract::{Dictionary, Document, Object, ObjectId};

use crate::error::IngestError;

/// Form XObjects nest; deeper than this we stop looking (and a self-drawing form would loop).
const MAX_XOBJECT_DEPTH: usize = 8;

/// The resource dictionaries of a page, its own and inherited ones.
fn page_resources(doc: &Document, page: ObjectId) -> Vec<&Dictionary> {
    let Ok((own, inherited)) = doc.get_page_resources(page) else {
        return Vec::new();
    };
    own.into_iter()
        .chain(
            inherited
                .into_iter()
                .filter_map(|id| doc.get_dictionary(id).ok()),
        )
        .collect()
}

fn deref<'a>(doc: &'a Document, obj: &'a Object) -> Option<&'a Object> {
    doc.dereference(obj).ok().map(|(_, o)| o)
}

fn dict_of<'a>(doc: &'a Document, obj: &'a Object) -> Option<&'a Dictionary> {
    match deref(doc, obj)? {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

fn sub_dict<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Dictionary> {
    dict_of(doc, dict.get(key).ok()?)
}

fn name_of<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a [u8]> {
    deref(doc, dict.get(key).ok()?)?.as_name().ok()
}

/// Every resource dictionary reachable from a page: the page's and those of the form XObjects
/// it draws, each visited once.
fn all_resources(doc: &Document, page: ObjectId) -> Vec<&Dictionary> {
    let mut out = Vec::new();
    let mut seen: HashSet<ObjectId> = HashSet::new();
    let mut todo: Vec<(&Dictionary, usize)> = page_resources(doc, page)
        .into_iter()
        .map(|r| (r, 0))
        .collect();
    while let Some((res, depth)) = todo.pop() {
        out.push(res);
        let Some(xobjects) = sub_dict(doc, res, b"XObject") else {
            continue;
        };
        for (_, xo) in xobjects.iter() {
            if let Object::Reference(id) = xo
                && !seen.insert(*id)
            {
                continue;
            }
            let Some(xd) = dict_of(doc, xo) else { continue };
            if depth < MAX_XOBJECT_DEPTH
                && name_of(doc, xd, b"Subtype") == Some(b"Form")
                && let Some(inner) = sub_dict(doc, xd, b"Resources")
            {
                todo.push((inner, depth + 1));
            }
        }
    }
    out
}

/// Refuse fonts pdf-extract 0.12 cannot decode (it panics on them): composite fonts whose
/// /Encoding is a predefined CMap other than Identity-H/V, e.g. GBK-EUC-H or UniGB-UCS2-H.
pub(crate) fn check_fonts(doc: &Document, pages: &[ObjectId]) -> Result<(), IngestError> {
    for &page in pages {
        for res in all_resources(doc, page) {
            let Some(fonts) = sub_dict(doc, res, b"Font") else {
                continue;
            };
            for (_, font) in fonts.iter() {
                let Some(fd) = dict_of(doc, font) else {
                    continue;
                };
                if name_of(doc, fd, b"Subtype") != Some(b"Type0") {
                    continue;
                }
                if let Some(enc) = name_of(doc, fd, b"Encoding")
                    && enc != b"Identity-H"
                    && enc != b"Identity-V"
                {
                    return Err(IngestError::Pdf(format!(
                        "unsupported font encoding {} (predefined CJK CMap)",
                        String::from_utf8_lossy(enc)
                    )));
                }
            }
        }
    }
    Ok(())
}

/// Whether the page draws an image: `Do` of an image XObject (directly or inside a form it
/// draws) or an inline image. Resources alone do not count: producers share one resource
/// dictionary between pages that do not all use every entry.
pub(crate) fn has_images(doc: &Document, page: ObjectId) -> bool {
    let Ok(content) = doc.get_page_content(page) else {
        return false;
    };
    let resources = page_resources(doc, page);
    let mut seen = HashSet::new();
    draws_image(doc, &content, &resources, &mut seen, 0)
}

fn draws_image(
    doc: &Document,
    content: &[u8],
    resources: &[&Dictionary],
    seen: &mut HashSet<ObjectId>,
    depth: usize,
) -> bool {
    let Ok(ops) = Content::decode(content) else {
        return false;
    };
    ops.operations.iter().any(|op| match op.operator.as_str() {
        "BI" => true,
        "Do" => op
            .operands
            .first()
            .and_then(|n| n.as_name().ok())
            .and_then(|n| xobject_named(doc, resources, n))
            .is_some_and(|(id, stream)| {
                match stream.dict.get(b"Subtype").and_then(Object::as_name) {
                    Ok(b"Image") => true,
                    Ok(b"Form")
                        if depth < MAX_XOBJECT_DEPTH && id.is_none_or(|id| seen.insert(id)) =>
                    {
                        let inner = sub_dict(doc, &stream.dict, b"Resources");
                        let inner: Vec<&Dictionary> =
                            inner.into_iter().chain(resources.iter().copied()).collect();
                        let bytes = stream
                            .decompressed_content()
                            .unwrap_or_else(|_| stream.content.clone());
                        draws_image(doc, &bytes, &inner, seen, depth + 1)
                    }
                    _ => false,
                }
            }),
        _ => false,
    })
}

/// The XObject stream a name stands for in the first resource dictionary that has it.
fn xobject_named<'a>(
    doc: &'a Document,
    resources: &[&'a Dictionary],
    name: &[u8],
) -> Option<(Option<ObjectId>, &'a pdf_extract::Stream)> {
    resources.iter().find_map(|res| {
        let entry = sub_dict(doc, res, b"XObject")?.get(name).ok()?;
        let id = entry.as_reference().ok();
        let stream = deref(doc, entry)?.as_stream().ok()?;
        Some((id, stream))
    })
}

/// Whether the page has content that is not valid content-stream syntax.
pub(crate) fn content_is_damaged(doc: &Document, page: ObjectId) -> bool {
    match doc.get_page_content(page) {
        Ok(c) => !c.iter().all(u8::is_ascii_whitespace) && Content::decode_strict(&c).is_err(),
        Err(_) => true,
    }
}
