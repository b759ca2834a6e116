//! `plan-data`: the staff publishing tool. Today it checks a data folder before
//! it goes live; import, export, release and diff come with the publishing issue.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use plan_model::{Lang, PLAN_FILE, Severity, parse_plan, validate_plan};

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

#[derive(Subcommand)]
enum Command {
    /// Check every file of a data folder (default: public/data). Changes nothing.
    Validate {
        /// The data folder.
        #[arg(default_value = "public/data")]
        dir: PathBuf,
    },
    /// Print the JSON Schema of plan.json.
    Schema,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = match cli.lang {
        LangArg::Zh => Lang::Zh,
        LangArg::En => Lang::En,
    };
    match cli.command {
        Command::Validate { dir } => validate(&dir, lang),
        Command::Schema => {
            print!("{}", plan_model::schema::plan_schema());
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
    let findings = validate_plan(&doc);
    for f in &findings {
        let severity = match (f.severity, lang) {
            (Severity::Error, Lang::Zh) => "错误",
            (Severity::Warning, Lang::Zh) => "警告",
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::En) => "warning",
        };
        println!("{severity} [{}] {} {}: {}", f.code, path.display(), f.path, f.message(lang));
    }
    let errors = findings.iter().filter(|f| f.severity == Severity::Error).count();
    let summary = match lang {
        Lang::Zh => {
            format!("{}：{} 个错误，{} 个警告", path.display(), errors, findings.len() - errors)
        }
        Lang::En => {
            format!("{}: {} errors, {} warnings", path.display(), errors, findings.len() - errors)
        }
    };
    println!("{summary}");
    if errors > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS }
}
