//! `plan-data`: the staff publishing tool. It stands between a spreadsheet and
//! the public site: validate, template, import, export, release, diff, status,
//! schema. Messages in Chinese by default, English with `--lang en`.
//! Exit codes: 0 done (warnings allowed), 1 invalid data or refused, 2 usage or I/O.

use plan_cli::messages::ToolMsg;
use plan_model::messages::say;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use plan_model::diff::diff_releases;
use plan_model::status::{StatusContext, roll_up};
use plan_model::{Lang, Scorecard};

use plan_cli::fail::Fail;
use plan_cli::folder::{Folder, print_findings, summary};
use plan_cli::sheet::EncodingArg;
use plan_cli::{release, sheet};

#[derive(Parser)]
#[command(
    name = "plan-data",
    version,
    about = "检查、导入和发布昆山 AI 行动方案门户的数据 / Check, import and publish the portal's data"
)]
struct Cli {
    /// Language of messages: zh (default) or en.
    #[arg(long, value_enum, default_value_t = LangArg::Zh, global = true)]
    lang: LangArg,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Zh,
    En,
}

#[derive(Clone, Copy, ValueEnum)]
enum SchemaOf {
    Plan,
    Progress,
}

const DEFAULT_DIR: &str = "public/data";

#[derive(Subcommand)]
enum Command {
    /// Check every file of a data folder. Changes nothing.
    Validate {
        /// The data folder.
        #[arg(default_value = DEFAULT_DIR)]
        dir: PathBuf,
    },
    /// Write the progress spreadsheet template (CSV, Chinese headers).
    Template {
        /// Where to write it (default: progress-template.csv, or
        /// updates-template.csv with --updates).
        #[arg(short, long)]
        out: Option<PathBuf>,
        /// A date to fill in (repeatable); default: the plan year's quarter
        /// ends (with --updates: one report date, default the next quarter end).
        #[arg(long = "date")]
        dates: Vec<String>,
        /// The updates sheet instead: one row per key task and commitment
        /// (进展 / 问题 / 下一步, stage, evidence, due date).
        #[arg(long)]
        updates: bool,
        /// The data folder (for the ids and names).
        #[arg(long, default_value = DEFAULT_DIR)]
        dir: PathBuf,
    },
    /// Read a filled template (figures or updates) into the folder's
    /// progress.json (all or nothing).
    Import {
        /// The CSV file.
        file: PathBuf,
        /// The data folder.
        #[arg(long, default_value = DEFAULT_DIR)]
        dir: PathBuf,
        /// The file's text encoding, when detection is not enough.
        #[arg(long, value_enum)]
        encoding: Option<EncodingArg>,
    },
    /// Write targets.csv, progress.csv and updates.csv for spreadsheets and reporters.
    Export {
        /// Where to write them.
        #[arg(short, long, default_value = "export")]
        out: PathBuf,
        /// The data folder.
        #[arg(long, default_value = DEFAULT_DIR)]
        dir: PathBuf,
    },
    /// Validate, then publish a release with a manifest of hashes and a frozen copy.
    Release {
        /// The new version, e.g. 2026.12.0 (never reused).
        #[arg(long)]
        version: String,
        /// What changed, in Chinese.
        #[arg(long)]
        notes: String,
        /// What changed, in English.
        #[arg(long, default_value = "")]
        notes_en: String,
        /// Publication date (default: today, UTC).
        #[arg(long)]
        date: Option<String>,
        /// The data folder.
        #[arg(long, default_value = DEFAULT_DIR)]
        dir: PathBuf,
    },
    /// What changed between two releases (folders such as releases/<V>).
    Diff {
        /// The older release folder.
        old: PathBuf,
        /// The newer release folder.
        new: PathBuf,
        /// Print JSON (for the site's "what changed" view).
        #[arg(long)]
        json: bool,
    },
    /// Show each indicator's status as the site will (a preview before publishing).
    Status {
        /// The data folder.
        #[arg(default_value = DEFAULT_DIR)]
        dir: PathBuf,
    },
    /// Print the JSON Schema of plan.json or progress.json.
    Schema {
        /// Which file's schema.
        #[arg(value_enum, default_value_t = SchemaOf::Plan)]
        of: SchemaOf,
    },
}

/// A built site's pages rendered again into the staged copy of the site
/// (`<site>/data` with `<site>/template.html` beside it), switched in with
/// the release's data, so what the site serves says the new release. A
/// source folder (`public/data`) has no pages; `make dist` renders them.
#[cfg(feature = "pages")]
fn render_pages(
    staged: &std::path::Path,
    site: &std::path::Path,
    lang: Lang,
) -> Result<String, String> {
    use plan_model::messages::say;
    match portal_site::publish::publish(staged, None) {
        Ok(report) => Ok(say(
            ToolMsg::PagesWritten,
            lang,
            &[("count", &report.pages), ("millis", &report.millis), ("path", &site.display())],
        )),
        Err(error) => Err(error.message(lang)),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = match cli.lang {
        LangArg::Zh => Lang::Zh,
        LangArg::En => Lang::En,
    };
    let outcome = match cli.command {
        Command::Validate { dir } => validate(&dir, lang),
        Command::Template { out, dates, updates: false, dir } => {
            let out = out.unwrap_or_else(|| PathBuf::from("progress-template.csv"));
            sheet::template(&dir, &out, &dates, lang)
        }
        Command::Template { out, dates, updates: true, dir } => {
            let out = out.unwrap_or_else(|| PathBuf::from("updates-template.csv"));
            sheet::updates_template(&dir, &out, dates.first().map(String::as_str), lang)
        }
        Command::Import { file, dir, encoding } => sheet::import_file(&dir, &file, encoding, lang),
        Command::Export { out, dir } => sheet::export(&dir, &out, lang),
        Command::Release { version, notes, notes_en, date, dir } => {
            let date = date.unwrap_or_else(release::today);
            let req = plan_publish::release::ReleaseRequest {
                version: &version,
                notes_zh: &notes,
                notes_en: &notes_en,
                date: &date,
            };
            #[cfg(feature = "pages")]
            let pages =
                |staged: &std::path::Path, site: &std::path::Path| render_pages(staged, site, lang);
            #[cfg(feature = "pages")]
            let render: Option<release::RenderPages<'_>> = Some(&pages);
            #[cfg(not(feature = "pages"))]
            let render: Option<release::RenderPages<'_>> = None;
            release::release(&dir, &req, lang, render)
        }
        Command::Diff { old, new, json } => diff(&old, &new, json, lang),
        Command::Status { dir } => status(&dir, lang),
        Command::Schema { of } => Ok(match of {
            SchemaOf::Plan => plan_model::schema::plan_schema(),
            SchemaOf::Progress => plan_model::schema::progress_schema(),
        }
        .trim_end()
        .to_owned()),
    };
    // Under the fault-injection test, how many write steps there were (the
    // test stops a release at each in turn).
    if std::env::var_os(plan_files::atomic::CRASH_AT_STEP).is_some() {
        eprintln!("[test] write steps: {}", plan_files::atomic::steps_taken());
    }
    match outcome {
        Ok(text) => {
            println!("{text}");
            ExitCode::SUCCESS
        }
        Err(fail) => {
            eprintln!("{}", fail.message);
            ExitCode::from(fail.code)
        }
    }
}

/// Every check over a folder; prints findings with file, line and column.
fn validate(dir: &Path, lang: Lang) -> Result<String, Fail> {
    let folder = Folder::load(dir, lang)?;
    let findings = folder.findings();
    let errors = print_findings(&findings, lang);
    let line = summary(&dir.display().to_string(), errors, findings.len() - errors, lang);
    if errors > 0 { Err(Fail::invalid(line)) } else { Ok(line) }
}

fn diff(old: &Path, new: &Path, json: bool, lang: Lang) -> Result<String, Fail> {
    let (a, b) = (Folder::load(old, lang)?, Folder::load(new, lang)?);
    let d = diff_releases((&a.plan, &a.progress), (&b.plan, &b.progress));
    if json {
        return Ok(plan_publish::sheet::to_pretty_json(&d).trim_end().to_owned());
    }
    let mut out = say(
        ToolMsg::DiffSummary,
        lang,
        &[("old", &d.old_version), ("new", &d.new_version), ("count", &d.changes.len())],
    );
    for c in &d.changes {
        out.push_str("\n  ");
        out.push_str(&c.describe(lang));
    }
    Ok(out)
}

/// The citywide status of every indicator, grouped by goal area and task.
fn status(dir: &Path, lang: Lang) -> Result<String, Fail> {
    let folder = Folder::load(dir, lang)?;
    let (plan, progress) = (&folder.plan, &folder.progress);
    let card = Scorecard::compute(plan, progress);
    let ctx = StatusContext::new(plan, progress);
    let mut out = String::new();
    if progress.release.sample {
        out.push_str(&say(ToolMsg::SampleDataLine, lang, &[]));
    }
    let groups =
        plan.goal_areas.iter().map(|g| (g.name.get(lang).to_owned(), &g.indicators)).chain(
            plan.tasks
                .iter()
                .map(|t| (format!("{}. {}", t.number, t.name.get(lang)), &t.indicators)),
        );
    for (title, ids) in groups {
        let r = roll_up(&ctx, card.city_of(ids));
        out.push_str(&format!("\n{title} — {} {}\n", r.status.icon(), r.status.label(lang)));
        for a in card.city_of(ids) {
            let name = plan.indicator(&a.indicator).map(|i| i.name.get(lang)).unwrap_or_default();
            out.push_str(&format!(
                "  {} {:<8} {name}: {}\n",
                a.status.icon(),
                a.status.label(lang),
                a.explanation.get(lang)
            ));
        }
    }
    Ok(out.trim_end().to_owned())
}
