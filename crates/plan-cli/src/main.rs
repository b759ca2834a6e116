//! `plan-data`: the staff publishing tool. Today it checks a data folder before
//! it goes live; import, export, release and diff come with the publishing issue.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use plan_model::{
    Lang, PLAN_FILE, PROGRESS_FILE, Severity, parse_plan, parse_progress, validate_plan,
    validate_progress,
};

#[derive(Parser)]
#[command(
    name = "plan-data",
    version,
    about = "检查并发布昆山 AI 行动方案门户的数据 / Check and publish the portal's data"
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

#[derive(Subcommand)]
enum Command {
    /// Check every file of a data folder (default: public/data). Changes nothing.
    Validate {
        /// The data folder.
        #[arg(default_value = "public/data")]
        dir: PathBuf,
    },
    /// Show each indicator's status as the site will (a preview before publishing).
    Status {
        /// The data folder.
        #[arg(default_value = "public/data")]
        dir: PathBuf,
    },
    /// Print the JSON Schema of plan.json or progress.json.
    Schema {
        /// Which file's schema.
        #[arg(value_enum, default_value_t = SchemaOf::Plan)]
        of: SchemaOf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = match cli.lang {
        LangArg::Zh => Lang::Zh,
        LangArg::En => Lang::En,
    };
    match cli.command {
        Command::Validate { dir } => validate(&dir, lang),
        Command::Status { dir } => status(&dir, lang),
        Command::Schema { of } => {
            match of {
                SchemaOf::Plan => print!("{}", plan_model::schema::plan_schema()),
                SchemaOf::Progress => print!("{}", plan_model::schema::progress_schema()),
            }
            ExitCode::SUCCESS
        }
    }
}

/// Exit 0 when clean (warnings allowed), 1 when invalid, 2 when the folder cannot be read.
fn validate(dir: &std::path::Path, lang: Lang) -> ExitCode {
    let path = dir.join(PLAN_FILE);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            let msg = match lang {
                Lang::Zh => format!("无法读取 {}：{e}", path.display()),
                Lang::En => format!("cannot read {}: {e}", path.display()),
            };
            eprintln!("{msg}");
            return ExitCode::from(2);
        }
    };
    let doc = match parse_plan(&path.display().to_string(), &text) {
        Ok(doc) => doc,
        Err(e) => {
            eprintln!("{}", e.message(lang));
            return ExitCode::from(1);
        }
    };
    let mut findings: Vec<(String, plan_model::Finding)> =
        validate_plan(&doc).into_iter().map(|f| (path.display().to_string(), f)).collect();
    let progress_path = dir.join(PROGRESS_FILE);
    match std::fs::read_to_string(&progress_path) {
        Ok(text) => match parse_progress(&progress_path.display().to_string(), &text) {
            Ok(progress) => findings.extend(
                validate_progress(&doc, &progress)
                    .into_iter()
                    .map(|f| (progress_path.display().to_string(), f)),
            ),
            Err(e) => {
                eprintln!("{}", e.message(lang));
                return ExitCode::from(1);
            }
        },
        // A folder with the plan alone is valid: progress comes later.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => {
            eprintln!("{}: {e}", progress_path.display());
            return ExitCode::from(2);
        }
    }
    for (file, f) in &findings {
        let severity = match (f.severity, lang) {
            (Severity::Error, Lang::Zh) => "错误",
            (Severity::Warning, Lang::Zh) => "警告",
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::En) => "warning",
        };
        println!("{severity} [{}] {file} {}: {}", f.code, f.path, f.message(lang));
    }
    let errors = findings.iter().filter(|(_, f)| f.severity == Severity::Error).count();
    let warnings = findings.len() - errors;
    let summary = match lang {
        Lang::Zh => format!("{}：{errors} 个错误，{warnings} 个警告", dir.display()),
        Lang::En => format!("{}: {errors} errors, {warnings} warnings", dir.display()),
    };
    println!("{summary}");
    if errors > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS }
}

/// Prints the citywide status of every indicator, grouped by goal area and task.
fn status(dir: &std::path::Path, lang: Lang) -> ExitCode {
    let read = |name: &str| {
        let path = dir.join(name);
        std::fs::read_to_string(&path).map(|text| (path.display().to_string(), text))
    };
    let (Ok((plan_path, plan_text)), Ok((progress_path, progress_text))) =
        (read(PLAN_FILE), read(PROGRESS_FILE))
    else {
        eprintln!("{}: {PLAN_FILE} + {PROGRESS_FILE}?", dir.display());
        return ExitCode::from(2);
    };
    let loaded = parse_plan(&plan_path, &plan_text)
        .and_then(|plan| parse_progress(&progress_path, &progress_text).map(|p| (plan, p)));
    let (plan, progress) = match loaded {
        Ok(both) => both,
        Err(e) => {
            eprintln!("{}", e.message(lang));
            return ExitCode::from(1);
        }
    };
    let card = plan_model::Scorecard::compute(&plan, &progress);
    if progress.release.sample {
        println!(
            "{}",
            match lang {
                Lang::Zh => "【示例数据】以下数字为演示用，非官方数据。",
                Lang::En => "[SAMPLE DATA] These figures are made up for demonstration.",
            }
        );
    }
    let ctx = plan_model::status::StatusContext::new(&plan, &progress);
    let groups =
        plan.goal_areas.iter().map(|g| (g.name.get(lang).to_owned(), &g.indicators)).chain(
            plan.tasks
                .iter()
                .map(|t| (format!("{}. {}", t.number, t.name.get(lang)), &t.indicators)),
        );
    for (title, ids) in groups {
        let rollup = plan_model::status::roll_up(&ctx, card.city_of(ids));
        println!("\n{title} — {} {}", rollup.status.icon(), rollup.status.label(lang));
        for a in card.city_of(ids) {
            let name = plan.indicator(&a.indicator).map(|i| i.name.get(lang)).unwrap_or_default();
            println!(
                "  {} {:<8} {name}: {}",
                a.status.icon(),
                a.status.label(lang),
                a.explanation.get(lang)
            );
        }
    }
    ExitCode::SUCCESS
}
