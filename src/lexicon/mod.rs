//! Language knowledge kept as data, apart from the machinery that applies it.

pub mod radicals;
