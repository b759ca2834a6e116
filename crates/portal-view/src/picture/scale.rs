//! A value axis as ECharts lays it out: its extent from the data (or the
//! option's `min`/`max`), split into about five "nice" steps (1, 2, 3 or 5
//! times a power of ten, at least `minInterval`), the extent widened to whole
//! steps. The picture then shows the same ticks as the interactive chart.

use serde_json::Value;

/// A value axis: from `min` to `max` in steps of `step`.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Scale {
    pub min: f64,
    pub max: f64,
    pub step: f64,
}

/// ECharts' `nice(value, round = true)`.
fn nice(value: f64) -> f64 {
    if value <= 0.0 || !value.is_finite() {
        return 1.0;
    }
    let exp10 = 10f64.powf(value.log10().floor());
    let f = value / exp10;
    let nf = if f < 1.5 {
        1.0
    } else if f < 2.5 {
        2.0
    } else if f < 4.0 {
        3.0
    } else if f < 7.0 {
        5.0
    } else {
        10.0
    };
    nf * exp10
}

impl Scale {
    /// The axis for `values` (and zero, as ECharts' value axes include it),
    /// within the option's `min`/`max` where it sets them.
    pub fn new(axis: &Value, values: impl IntoIterator<Item = f64>) -> Scale {
        let (mut low, mut high) = (0.0_f64, 0.0_f64);
        for v in values.into_iter().filter(|v| v.is_finite()) {
            low = low.min(v);
            high = high.max(v);
        }
        let fixed_min = axis.get("min").and_then(Value::as_f64);
        let fixed_max = axis.get("max").and_then(Value::as_f64);
        let low = fixed_min.unwrap_or(low);
        let mut high = fixed_max.unwrap_or(high);
        if high <= low {
            high = low + 1.0;
        }
        let min_interval = axis.get("minInterval").and_then(Value::as_f64).unwrap_or(0.0);
        let step = nice((high - low) / 5.0).max(min_interval);
        let min = fixed_min.unwrap_or_else(|| (low / step).floor() * step);
        let max = fixed_max.unwrap_or_else(|| (high / step).ceil() * step);
        Scale { min, max, step }
    }

    /// Where `value` falls, from 0 (the axis' start) to 1 (its end).
    pub fn at(&self, value: f64) -> f64 {
        ((value - self.min) / (self.max - self.min)).clamp(0.0, 1.0)
    }

    /// The tick values, from `min` to `max`.
    pub fn ticks(&self) -> Vec<f64> {
        let count = ((self.max - self.min) / self.step).round() as i64;
        // Rounded to the step's own decimals: 0.1 + 0.2 shows as 0.3.
        (0..=count.clamp(0, 50))
            .map(|i| ((self.min + self.step * i as f64) * 1e6).round() / 1e6)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn percent_axes_step_by_twenty() {
        let s = Scale::new(&json!({"min": 0, "max": 100}), [55.0, 88.1]);
        assert_eq!(s.ticks(), [0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
        assert_eq!(s.at(55.0), 0.55);
    }

    #[test]
    fn counts_step_by_whole_numbers_and_end_on_a_step() {
        let s = Scale::new(&json!({"minInterval": 1}), [4.0, 6.0, 2.0]);
        assert_eq!((s.min, s.max, s.step), (0.0, 6.0, 1.0));
        let s = Scale::new(&json!({}), [40.0, 95.0, 200.0]);
        assert_eq!((s.min, s.max, s.step), (0.0, 200.0, 50.0));
        let s = Scale::new(&json!({}), [0.3, 3.9]);
        assert_eq!(s.ticks(), [0.0, 1.0, 2.0, 3.0, 4.0]);
    }

    #[test]
    fn an_empty_axis_still_has_a_span() {
        let s = Scale::new(&json!({}), []);
        assert!(s.max > s.min);
        assert!(s.ticks().len() >= 2);
    }
}
