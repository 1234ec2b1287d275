//! The browser's files (WebAssembly, its JavaScript, the stylesheet): content-hashed names,
//! how long a browser may keep them, and the start-up check that a page never names a file
//! the site folder does not hold.
//!
//! `cargo leptos build --release` (with `hash-files = true`) renames `pkg/klik.wasm` to
//! `pkg/klik.<md5, base64url>.wasm` and writes the names to `hash.txt` next to the server
//! binary; Leptos reads that file for every page. A phone may then keep a hashed file for a
//! year (a new build has new names), and an old `klik.js` can never meet a new `klik.wasm`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use leptos::prelude::LeptosOptions;

/// A content-hashed file: never changes under its name.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Every other static file (icons, the service worker, the offline page): kept, but asked
/// again before each use.
pub const REVALIDATE: &str = "no-cache";
/// Pages and answers, which may carry personal data: never kept.
pub const NO_STORE: &str = "no-store";

/// The length of cargo-leptos's hash: an MD5 in base64url without padding.
const HASH_LEN: usize = 22;

/// Extensions of the files the site folder serves (`public/` and `pkg/`). Anything else
/// without a policy of its own (a data export, say) is not kept.
const STATIC_EXTENSIONS: &[&str] = &[
    "js",
    "mjs",
    "wasm",
    "css",
    "svg",
    "png",
    "ico",
    "webmanifest",
    "woff2",
];

/// The `Cache-Control` of a successful answer to `path` that is not a page or an answer of a
/// server function, when its handler set none.
pub fn cache_control(path: &str) -> &'static str {
    let name = path.rsplit('/').next().unwrap_or_default();
    let Some((_, extension)) = name.rsplit_once('.') else {
        return NO_STORE;
    };
    if !STATIC_EXTENSIONS.contains(&extension) {
        return NO_STORE;
    }
    if path.starts_with("/pkg/") && is_hashed(name) {
        IMMUTABLE
    } else {
        REVALIDATE
    }
}

/// `klik.<22 characters of base64url>.wasm`.
fn is_hashed(name: &str) -> bool {
    let mut parts = name.split('.');
    let (Some(stem), Some(hash), Some(_), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    !stem.is_empty()
        && hash.len() == HASH_LEN
        && hash
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Where Leptos looks for the hash file: next to the running binary.
pub fn hash_file_path(options: &LeptosOptions) -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    Some(exe.parent()?.join(options.hash_file.as_ref()))
}

/// Turns hashed names on when this build has them, after checking that every file the hash
/// file names is in the site folder: a binary started next to another build's site would
/// otherwise serve pages whose scripts do not exist. Without a hash file (a development
/// build) the plain names are used.
pub fn use_hashed_names(options: &mut LeptosOptions) -> Result<(), String> {
    let Some(hash_file) = hash_file_path(options).filter(|p| p.exists()) else {
        options.hash_files = false;
        return Ok(());
    };
    let text = std::fs::read_to_string(&hash_file)
        .map_err(|e| format!("cannot read {}: {e}", hash_file.display()))?;
    let pkg = Path::new(options.site_root.as_ref()).join(options.site_pkg_dir.as_ref());
    let missing = missing_files(&text, &options.output_name, &pkg);
    if !missing.is_empty() {
        return Err(format!(
            "{} names files that {} does not hold ({}): the server and the site folder come \
             from different builds; build and install them together (`make build`)",
            hash_file.display(),
            pkg.display(),
            missing.join(", ")
        ));
    }
    options.hash_files = true;
    Ok(())
}

/// The split build's files, for the pages that name them in their `<head>` (none without
/// hashed names: a development build).
pub fn split_files(options: &LeptosOptions) -> app::pages::lazy::split::SplitFiles {
    let text = hash_file_path(options)
        .filter(|_| options.hash_files)
        .and_then(|path| std::fs::read_to_string(path).ok())
        .unwrap_or_default();
    let pkg = Path::new(options.site_root.as_ref()).join(options.site_pkg_dir.as_ref());
    app::pages::lazy::split::SplitFiles::read(&text, &pkg)
}

/// The files named by a hash file (`js: <hash>` lines, as cargo-leptos writes them) that are
/// not in `pkg`. A hash file without the three files is broken too. A split build (`--split`)
/// also names the loader of the split-off files (`split:`) and their manifest (`manifest:`),
/// whose every file must be there as well.
pub fn missing_files(hash_file: &str, output_name: &str, pkg: &Path) -> Vec<String> {
    let hash = |kind: &str| app::pages::lazy::split::hash_in(hash_file, kind);
    let mut missing = Vec::new();
    for extension in ["js", "wasm", "css"] {
        let name = match hash(extension) {
            Some(hash) => format!("{output_name}.{hash}.{extension}"),
            None => format!("{output_name}.<hash>.{extension}"),
        };
        if !pkg.join(&name).is_file() {
            missing.push(name);
        }
    }
    if let Some(hash) = hash("split") {
        let loader = format!("__wasm_split.{hash}.js");
        if !pkg.join(&loader).is_file() {
            missing.push(loader);
        }
    }
    if let Some(hash) = hash("manifest") {
        let manifest = format!("__wasm_split_manifest.{hash}.json");
        match std::fs::read_to_string(pkg.join(&manifest))
            .ok()
            .and_then(|text| serde_json::from_str::<BTreeMap<String, Vec<String>>>(&text).ok())
        {
            Some(splits) => {
                let files: BTreeSet<String> = splits
                    .into_values()
                    .flatten()
                    .map(|module| format!("{module}.wasm"))
                    .collect();
                missing.extend(files.into_iter().filter(|file| !pkg.join(file).is_file()));
            }
            None => missing.push(manifest),
        }
    }
    missing
}

#[cfg(test)]
mod tests {
    use super::*;

    const HASH: &str = "AbCdEfGhIjKlMnOpQrSt_-";

    #[test]
    fn hashed_files_are_kept_a_year_other_files_are_asked_again_and_the_rest_not_kept() {
        assert_eq!(cache_control(&format!("/pkg/klik.{HASH}.wasm")), IMMUTABLE);
        assert_eq!(cache_control(&format!("/pkg/klik.{HASH}.js")), IMMUTABLE);
        assert_eq!(cache_control(&format!("/pkg/klik.{HASH}.css")), IMMUTABLE);
        // Unhashed (a development build), or a hash-like name outside pkg/.
        assert_eq!(cache_control("/pkg/klik.wasm"), REVALIDATE);
        assert_eq!(
            cache_control(&format!("/icons/klik.{HASH}.png")),
            REVALIDATE
        );
        assert_eq!(cache_control("/pkg/snippets/x-1/inline0.js"), REVALIDATE);
        assert_eq!(cache_control("/sw.js"), REVALIDATE);
        assert_eq!(cache_control("/favicon.svg"), REVALIDATE);
        assert_eq!(cache_control("/manifest.webmanifest"), REVALIDATE);
        // Not a static file: a data export, a page, something unknown.
        assert_eq!(cache_control("/participants/3/data.json"), NO_STORE);
        assert_eq!(cache_control("/participants"), NO_STORE);
        assert_eq!(cache_control(&format!("/pkg/klik.{HASH}.exe")), NO_STORE);
        // A hash of the wrong length or with other characters is no hash.
        assert_eq!(cache_control("/pkg/klik.abc.wasm"), REVALIDATE);
        assert_eq!(
            cache_control("/pkg/klik.AbCdEfGhIjKlMnOpQrSt+/.wasm"),
            REVALIDATE
        );
        assert_eq!(cache_control(&format!("/pkg/.{HASH}.wasm")), REVALIDATE);
    }

    #[test]
    fn a_hash_file_must_name_files_the_site_holds() {
        let pkg = tempfile::tempdir().unwrap();
        let text = format!("js: {HASH}\nwasm: {HASH}\ncss: {HASH}\n");
        assert_eq!(
            missing_files(&text, "klik", pkg.path()),
            vec![
                format!("klik.{HASH}.js"),
                format!("klik.{HASH}.wasm"),
                format!("klik.{HASH}.css")
            ]
        );
        for extension in ["js", "wasm", "css"] {
            std::fs::write(pkg.path().join(format!("klik.{HASH}.{extension}")), "x").unwrap();
        }
        assert!(missing_files(&text, "klik", pkg.path()).is_empty());
        // Another build's hash file; one without the stylesheet.
        let other = text.replace(HASH, "ZZCdEfGhIjKlMnOpQrSt_-");
        assert_eq!(missing_files(&other, "klik", pkg.path()).len(), 3);
        let partial = format!("js: {HASH}\nwasm: {HASH}\n");
        assert_eq!(
            missing_files(&partial, "klik", pkg.path()),
            vec!["klik.<hash>.css".to_owned()]
        );
    }

    #[test]
    fn a_split_build_must_hold_its_loader_and_every_file_of_its_manifest() {
        let pkg = tempfile::tempdir().unwrap();
        for extension in ["js", "wasm", "css"] {
            std::fs::write(pkg.path().join(format!("klik.{HASH}.{extension}")), "x").unwrap();
        }
        let text =
            format!("js: {HASH}\nwasm: {HASH}\ncss: {HASH}\nmanifest: {HASH}\nsplit: {HASH}\n");
        let manifest = format!("__wasm_split_manifest.{HASH}.json");
        let loader = format!("__wasm_split.{HASH}.js");
        assert_eq!(
            missing_files(&text, "klik", pkg.path()),
            vec![loader.clone(), manifest.clone()]
        );
        std::fs::write(pkg.path().join(&loader), "x").unwrap();
        // A manifest that is no manifest is as bad as none.
        std::fs::write(pkg.path().join(&manifest), "not json").unwrap();
        assert_eq!(
            missing_files(&text, "klik", pkg.path()),
            vec![manifest.clone()]
        );
        let staff = format!("split_staff.{HASH}");
        let chunk = format!("chunk_1.{HASH}");
        std::fs::write(
            pkg.path().join(&manifest),
            format!(r#"{{"staff_page": ["{chunk}", "{staff}"], "public_page": ["{chunk}"]}}"#),
        )
        .unwrap();
        assert_eq!(
            missing_files(&text, "klik", pkg.path()),
            vec![format!("{chunk}.wasm"), format!("{staff}.wasm")]
        );
        std::fs::write(pkg.path().join(format!("{chunk}.wasm")), "x").unwrap();
        std::fs::write(pkg.path().join(format!("{staff}.wasm")), "x").unwrap();
        assert!(missing_files(&text, "klik", pkg.path()).is_empty());
    }

    #[test]
    fn a_group_of_the_split_build_is_named_by_its_files() {
        let pkg = tempfile::tempdir().unwrap();
        std::fs::write(
            pkg.path()
                .join(format!("__wasm_split_manifest.{HASH}.json")),
            r#"{"staff_page_123": ["chunk_3.A", "split_staff_page_123.B"],
                "public_page_123": ["chunk_3.A", "split_public_page_123.C"]}"#,
        )
        .unwrap();
        let text = format!("js: {HASH}\nmanifest: {HASH}\nsplit: {HASH}\n");
        let split = app::pages::lazy::split::SplitFiles::read(&text, pkg.path());
        assert_eq!(
            split.files("staff_page"),
            vec!["/pkg/chunk_3.A.wasm", "/pkg/split_staff_page_123.B.wasm"]
        );
        // Only the whole name of the loading function, followed by its hash.
        assert!(split.files("staff").is_empty());
        assert!(split.files("staff_page_1").is_empty());
        // A development build: no hash file, no split files.
        let none = app::pages::lazy::split::SplitFiles::read("", pkg.path());
        assert!(none.files("staff_page").is_empty());
    }
}
