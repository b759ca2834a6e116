//! A bad data file's error names the JSON path of the bad value. The portal
//! finds that path by reading the text up to where serde_json stopped
//! (`load::json_path_at`); here, for hundreds of damaged copies of the bundled
//! files, it must name the same path as `serde_path_to_error`, a deserializer
//! that tracks the path as it reads.

use plan_model::load::json_path_at;
use plan_model::{PlanDocument, ProgressDocument};
use serde::de::DeserializeOwned;
use serde_json::Value;

fn bundled(name: &str) -> Value {
    let path = format!("{}/../../public/data/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).expect("bundled file")).expect("json")
}

/// Every place in the document, as a list of steps from the root.
fn places(value: &Value, here: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    out.push(here.clone());
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                here.push(Step::Key(k.clone()));
                places(v, here, out);
                here.pop();
            }
        }
        Value::Array(list) => {
            for (i, v) in list.iter().enumerate() {
                here.push(Step::Index(i));
                places(v, here, out);
                here.pop();
            }
        }
        _ => {}
    }
}

#[derive(Clone, Debug)]
enum Step {
    Key(String),
    Index(usize),
}

fn at<'a>(value: &'a mut Value, steps: &[Step]) -> &'a mut Value {
    steps.iter().fold(value, |v, s| match s {
        Step::Key(k) => &mut v[k.as_str()],
        Step::Index(i) => &mut v[*i],
    })
}

/// The damages tried at each place: the value of another type, and (for an
/// object member) the member removed or its name misspelt.
fn damaged(doc: &Value, steps: &[Step]) -> Vec<Value> {
    let mut out = Vec::new();
    let mut copy = doc.clone();
    let target = at(&mut copy, steps);
    *target = match target {
        Value::String(_) => Value::from(7),
        Value::Number(_) => Value::from("7"),
        Value::Bool(_) => Value::from("yes"),
        Value::Null => Value::from(true),
        Value::Array(_) => Value::from("list"),
        Value::Object(_) => Value::from(["x"].as_slice()),
    };
    out.push(copy);
    if let Some((Step::Key(k), parent)) = steps.split_last() {
        let mut copy = doc.clone();
        if let Value::Object(map) = at(&mut copy, parent) {
            map.remove(k);
        }
        out.push(copy);
        let mut copy = doc.clone();
        if let Value::Object(map) = at(&mut copy, parent)
            && let Some(v) = map.remove(k)
        {
            map.insert(format!("{k}_x"), v);
        }
        out.push(copy);
    }
    out
}

/// (tried, mismatches) over every `stride`-th place, in pretty and compact text.
fn compare<T: DeserializeOwned>(doc: &Value, stride: usize) -> (usize, Vec<String>) {
    let mut all = Vec::new();
    places(doc, &mut Vec::new(), &mut all);
    let (mut tried, mut wrong) = (0, Vec::new());
    for steps in all.iter().step_by(stride) {
        for bad in damaged(doc, steps) {
            for text in [serde_json::to_string_pretty(&bad), serde_json::to_string(&bad)] {
                let text = text.expect("text");
                let Err(plain) = serde_json::from_str::<T>(&text) else { continue };
                let tracked = serde_path_to_error::deserialize::<_, T>(
                    &mut serde_json::Deserializer::from_str(&text),
                )
                .err()
                .expect("the tracking reader rejects it too");
                let expected = tracked.path().to_string();
                let found = json_path_at(&text, plain.line(), plain.column());
                tried += 1;
                if found != expected {
                    wrong.push(format!("{steps:?}: expected {expected}, found {found} ({plain})"));
                }
            }
        }
    }
    (tried, wrong)
}

#[test]
fn plan_errors_name_the_same_path_as_a_path_tracking_reader() {
    let (tried, wrong) = compare::<PlanDocument>(&bundled("plan.json"), 3);
    assert!(tried > 500, "only {tried} damaged copies were rejected");
    assert!(wrong.is_empty(), "{} of {tried} differ:\n{}", wrong.len(), wrong.join("\n"));
}

#[test]
fn progress_errors_name_the_same_path_as_a_path_tracking_reader() {
    let (tried, wrong) = compare::<ProgressDocument>(&bundled("progress.json"), 17);
    assert!(tried > 500, "only {tried} damaged copies were rejected");
    assert!(wrong.is_empty(), "{} of {tried} differ:\n{}", wrong.len(), wrong.join("\n"));
}

#[test]
fn paths_in_hand_written_text() {
    let text = "{\"a\": [1, {\"b\": \"x\"}], \"c\": {}}";
    // Just after "x": the value of b in the second element of a.
    let col = text.find("\"x\"").expect("x") + 3;
    assert_eq!(json_path_at(text, 1, col), "a[1].b");
    // Just after the inner object's `}`: that object.
    let col = text.find('}').expect("}") + 1;
    assert_eq!(json_path_at(text, 1, col), "a[1]");
    // At the start: the document.
    assert_eq!(json_path_at(text, 1, 1), ".");
    // Keys with escapes are read as JSON strings.
    let text = "{\n  \"k\\\"ey\": 5\n}";
    assert_eq!(json_path_at(text, 2, 12), "k\"ey");
}
