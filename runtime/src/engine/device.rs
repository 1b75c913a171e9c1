//! Where samples run: the [`Device`] a sample ran on and the user's [`DeviceChoice`].
//!
//! `auto` picks the GPU when it is usable and falls back to the CPU otherwise (remembering why, for
//! the summary); `gpu` turns an unusable GPU into an error. [`resolve_with`] decides from the reason
//! the GPU is unusable; `backends::gpu::resolve` asks this machine.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;
use thiserror::Error;

/// A device a sample ran on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Device {
    Cpu,
    Gpu,
}

impl fmt::Display for Device {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Device::Cpu => "cpu",
            Device::Gpu => "gpu",
        })
    }
}

/// The `--device` flag.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DeviceChoice {
    /// The GPU when usable, else the CPU.
    #[default]
    Auto,
    /// Only the CPU.
    Cpu,
    /// Only the GPU; an unusable GPU is an error.
    Gpu,
}

impl FromStr for DeviceChoice {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "auto" => Ok(DeviceChoice::Auto),
            "cpu" => Ok(DeviceChoice::Cpu),
            "gpu" => Ok(DeviceChoice::Gpu),
            _ => Err(format!("unknown device {s:?} (expected auto, cpu or gpu)")),
        }
    }
}

/// `--device gpu` on a machine or build where the GPU cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("GPU not available: {reason}")]
pub struct GpuUnavailable {
    pub reason: String,
}

/// The device chosen for a run, and why the GPU was not used if `auto` fell back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved {
    pub device: Device,
    pub fallback_reason: Option<String>,
}

/// Turns the user's choice into a device, given why the GPU is unusable (`None`: usable).
pub fn resolve_with(
    choice: DeviceChoice,
    gpu_unavailable: Option<String>,
) -> Result<Resolved, GpuUnavailable> {
    match (choice, gpu_unavailable) {
        (DeviceChoice::Cpu, _) => Ok(Resolved { device: Device::Cpu, fallback_reason: None }),
        (DeviceChoice::Gpu, Some(reason)) => Err(GpuUnavailable { reason }),
        (DeviceChoice::Auto, Some(reason)) => {
            Ok(Resolved { device: Device::Cpu, fallback_reason: Some(reason) })
        }
        (DeviceChoice::Gpu | DeviceChoice::Auto, None) => {
            Ok(Resolved { device: Device::Gpu, fallback_reason: None })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_resolve() {
        let no = Some("no driver".to_string());
        assert_eq!(resolve_with(DeviceChoice::Cpu, None).unwrap().device, Device::Cpu);
        let auto = resolve_with(DeviceChoice::Auto, no.clone()).unwrap();
        assert_eq!(auto, Resolved { device: Device::Cpu, fallback_reason: no.clone() });
        assert_eq!(resolve_with(DeviceChoice::Auto, None).unwrap().device, Device::Gpu);
        let err = resolve_with(DeviceChoice::Gpu, no).unwrap_err();
        assert_eq!(err.to_string(), "GPU not available: no driver");
        assert_eq!(resolve_with(DeviceChoice::Gpu, None).unwrap().device, Device::Gpu);
        assert_eq!("gpu".parse::<DeviceChoice>(), Ok(DeviceChoice::Gpu));
        assert!("tpu".parse::<DeviceChoice>().is_err());
        assert_eq!(serde_json::to_string(&Device::Cpu).unwrap(), "\"cpu\"");
    }
}
