//! PDF documents (the meeting dossier, minutes, the signalenbundel), typeset
//! on the server with typst used as a library.
//!
//! Why typst: it lays out real documents (Dutch hyphenation, tables that
//! break across pages with repeated headers, an outline, "page X of Y"),
//! writes tagged PDF (PDF/UA-1) and needs no browser, no external binary and
//! no network. Its Rust API changes between minor versions, so the crates are
//! pinned exactly (`=0.15.1`) and used only here, behind the `ssr` feature.
//!
//! How data flows: the caller builds a serde value (e.g. [`Dossier`]), and
//! [`render`] serialises it to JSON. A private [`typst::World`] serves exactly
//! three kinds of things: the template source (compiled into the binary with
//! `include_str!`), that JSON as the virtual file `/data.json`, and the fonts
//! embedded with `include_bytes!`. The template reads the data with
//! `json("/data.json")`. User text therefore only ever reaches typst as
//! *string values*, which typst shows as plain text: it is never pasted into
//! markup, so `#set page(..)`, `*bold*`, `$x$`, `]`, `@ref`, `<label>` or `\`
//! in a title stay literal. The world has no file system, no packages and no
//! network; templates import no typst packages.
//!
//! [`render`] is synchronous and CPU-bound (tens of milliseconds to about a
//! second: a signalenbundel of 1,000 signals, 130 pages, takes about 1.1 s
//! in release): call it inside `tokio::task::spawn_blocking`. After each
//! render, typst's memoisation cache is trimmed with `comemo::evict` so memory
//! stays bounded in a long-running server.
//!
//! The minutes template ([`Template::Minutes`]) expects this JSON shape (all
//! strings unless noted):
//!
//! ```text
//! {
//!   "tenant": "Gent",
//!   "meeting": { "title": "…", "kind": "…", "when": "…", "place": "…" },
//!   "present": ["…", …],
//!   "items": [{
//!     "position": 1,                        // number
//!     "title": "…",
//!     "conclusions": "…",
//!     "problem_definition": "…",
//!     "commitments": "…",                    // which partners commit to what
//!     "decision": "…"
//!   }, …],
//!   "compiled": "3 december 2026, 15:40"
//! }
//! ```
//!
//! Empty strings and empty lists are skipped in the layout. Text may contain
//! line breaks; a blank line starts a new paragraph.
//!
//! The signalenbundel ([`Template::Publication`]) takes a [`PublicationDoc`].
//! Its figures' cells are an enum the template would have to format again,
//! so [`render`] reads the data back as a [`PublicationDoc`] and hands the
//! template a view with every cell as text (see `publication.rs`); data of
//! another shape is a [`DocumentError::Data`]. The template draws each
//! figure as a bar chart (typst shapes) above the same figures as a table.
//!
//! [`Dossier`]: crate::domain::forum::dossier::Dossier
//! [`PublicationDoc`]: crate::domain::reports::publication::PublicationDoc

use std::sync::LazyLock;

use serde::Serialize;
use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

use crate::domain::reports::publication::PublicationDoc;

/// How many renders a memoised result may go unused before `comemo::evict`
/// drops it. Zero: every render's cache is dropped when it ends. Measured on
/// the 200-signal benchmark, keeping two renders' worth (age 2) grew the peak
/// RSS from ~105 MB to ~260 MB over five renders of different dossiers and
/// made them no faster (each dossier's text is new, so little is reused).
const CACHE_MAX_AGE: usize = 0;

/// The documents Seinhuis can typeset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Template {
    /// A meeting's dossier; data: `crate::domain::forum::dossier::Dossier`.
    Dossier,
    /// A meeting's minutes; data: the JSON shape in the module docs.
    Minutes,
    /// The signalenbundel; data: `crate::domain::reports::publication::PublicationDoc`.
    Publication,
}

impl Template {
    /// The virtual path of the template; diagnostics name it.
    fn path(self) -> &'static str {
        match self {
            Template::Dossier => "/dossier.typ",
            Template::Minutes => "/minutes.typ",
            Template::Publication => "/signalenbundel.typ",
        }
    }

    fn source(self) -> &'static str {
        match self {
            Template::Dossier => include_str!("dossier.typ"),
            Template::Minutes => include_str!("minutes.typ"),
            Template::Publication => include_str!("signalenbundel.typ"),
        }
    }
}

/// Why a document could not be made. The messages are for logs; the caller
/// shows its own (Dutch) message to people.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    /// The data does not serialise, or (for a template that reads it as a
    /// type) does not have that type's shape.
    #[error("could not prepare the document data: {0}")]
    Data(#[from] serde_json::Error),
    #[error("template {template} failed: {message}")]
    Template { template: &'static str, message: String },
    #[error("PDF export of {template} failed: {message}")]
    Export { template: &'static str, message: String },
}

/// Typesets `data` with `template` into a PDF (tagged, PDF/UA-1).
///
/// Synchronous and CPU-bound: call it from `spawn_blocking`.
pub fn render(template: Template, data: &impl Serialize) -> Result<Vec<u8>, DocumentError> {
    render_with_warnings(template, data).map(|(pdf, _warnings)| pdf)
}

/// [`render`], also returning typst's warnings (e.g. a glyph missing from the
/// fonts), so tests can insist on none.
fn render_with_warnings(template: Template, data: &impl Serialize) -> Result<(Vec<u8>, Vec<String>), DocumentError> {
    let json = data_json(template, data)?;
    let world = DocumentWorld::new(template, json);
    let result = compile_pdf(&world);
    // Trim typst's global memo cache whatever the outcome: without this a
    // server's memory grows with every document it has ever rendered.
    typst::comemo::evict(CACHE_MAX_AGE);
    result
}

/// The JSON the template reads as `/data.json`. The publication goes in
/// through its view; the others as they serialise.
fn data_json(template: Template, data: &impl Serialize) -> Result<Vec<u8>, serde_json::Error> {
    match template {
        Template::Dossier | Template::Minutes => serde_json::to_vec(data),
        Template::Publication => {
            // Through a `Value`, not text: numbers come back bit for bit.
            let doc: PublicationDoc = serde_json::from_value(serde_json::to_value(data)?)?;
            serde_json::to_vec(&publication::view(&doc))
        }
    }
}

fn compile_pdf(world: &DocumentWorld) -> Result<(Vec<u8>, Vec<String>), DocumentError> {
    let template = world.template.path();
    let (document, mut warnings) = compile_document(world)?;
    let accessible = PdfOptions {
        // PDF/UA-1 makes typst check the accessibility rules it can check
        // (document title and language, heading titles, alt text, every
        // character mapped to Unicode …) and refuse to write a PDF that breaks them.
        standards: PdfStandards::new(&[PdfStandard::Ua_1])
            .map_err(|error| DocumentError::Export { template, message: error.message().to_string() })?,
        ..PdfOptions::default()
    };
    let pdf = match typst_pdf::pdf(&document, &accessible) {
        Ok(pdf) => pdf,
        // User text can bring in what UA-1 forbids, e.g. a character the
        // embedded fonts lack (an emoji). Then rather the same tagged PDF,
        // without the UA-1 claim, than no PDF at all.
        Err(errors) => {
            warnings.push(format!("written without PDF/UA-1: {}", describe_all(world, &errors)));
            typst_pdf::pdf(&document, &PdfOptions::default())
                .map_err(|errors| DocumentError::Export { template, message: describe_all(world, &errors) })?
        }
    };
    Ok((pdf, warnings))
}

/// Lays the document out (everything but writing the PDF).
fn compile_document(world: &DocumentWorld) -> Result<(PagedDocument, Vec<String>), DocumentError> {
    let warned = typst::compile::<PagedDocument>(world);
    let warnings = warned.warnings.iter().map(|diagnostic| describe(world, diagnostic)).collect();
    let document = warned
        .output
        .map_err(|errors| DocumentError::Template { template: world.template.path(), message: describe_all(world, &errors) })?;
    Ok((document, warnings))
}

fn describe_all(world: &DocumentWorld, diagnostics: &[SourceDiagnostic]) -> String {
    diagnostics.iter().map(|diagnostic| describe(world, diagnostic)).collect::<Vec<_>>().join("; ")
}

/// One diagnostic as "message (template line N) hint: …", for the logs.
fn describe(world: &DocumentWorld, diagnostic: &SourceDiagnostic) -> String {
    let mut text = diagnostic.message.to_string();
    let in_template = diagnostic.span.id() == Some(world.main.id());
    if in_template
        && let Some(range) = world.range(diagnostic.span)
        && let Some(line) = world.main.lines().byte_to_line(range.start)
    {
        text.push_str(&format!(" ({} line {})", world.template.path(), line + 1));
    } else if diagnostic.span.id() == Some(world.data_id) {
        text.push_str(" (in data.json)");
    }
    for hint in &diagnostic.hints {
        text.push_str(" hint: ");
        text.push_str(&hint.v);
    }
    text
}

/// The embedded fonts, parsed once per process.
struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

static FONTS: LazyLock<Fonts> = LazyLock::new(|| {
    // Liberation Sans 2.1.5 (SIL OFL 1.1, see fonts/LICENSE-LiberationSans.txt):
    // a metric-compatible Arial substitute that covers Dutch, French and the
    // typographic signs (– “ ” → €) people type. Only regular and bold: the
    // templates use no italics, so their bytes are left out of the binary.
    const FILES: [&[u8]; 2] = [include_bytes!("fonts/LiberationSans-Regular.ttf"), include_bytes!("fonts/LiberationSans-Bold.ttf")];
    let fonts: Vec<Font> = FILES.into_iter().flat_map(|data| Font::iter(Bytes::new(data))).collect();
    Fonts { book: LazyHash::new(FontBook::from_fonts(&fonts)), fonts }
});

/// typst's standard library, built once (it is immutable and shared).
static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

/// A world with exactly one template, one data file and the embedded fonts.
struct DocumentWorld {
    template: Template,
    main: Source,
    data_id: FileId,
    data: Bytes,
}

impl DocumentWorld {
    fn new(template: Template, json: Vec<u8>) -> Self {
        let main = Source::new(file_id(template.path()), template.source().to_owned());
        DocumentWorld { template, main, data_id: file_id("/data.json"), data: Bytes::new(json) }
    }
}

/// The id of a file at the root of the (virtual) project.
fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("a fixed, valid virtual path");
    FileId::new(RootedPath::new(VirtualRoot::Project, vpath))
}

impl World for DocumentWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else if id == self.data_id {
            Err(FileError::NotSource)
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            Ok(self.data.clone())
        } else if id == self.main.id() {
            Ok(Bytes::from_string(self.main.clone()))
        } else {
            // Includes package imports: templates must not use any.
            Err(FileError::AccessDenied)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.fonts.get(index).cloned()
    }

    /// No clock: the compiled date comes in the data, in Dutch, so the PDF
    /// does not depend on the server's time zone and renders reproducibly.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

mod publication;

#[cfg(test)]
mod tests;
