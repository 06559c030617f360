//! The page families, one file each: what each template receives (its data structs) and how
//! it is built from the digest (an `impl Renderer` block per family). The orchestration
//! (jobs, contexts, fingerprints, Tera) stays in `render/mod.rs`.

pub(crate) mod article;
pub(crate) mod home;
pub(crate) mod month;
pub(crate) mod partner;
pub(crate) mod people;
