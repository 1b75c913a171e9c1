#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| arcforge_fuzz::parse_task(data));
