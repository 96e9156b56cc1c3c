//! Engine benchmarks: prints figures, asserts nothing about time.

fn main() {
    println!("no benchmarks yet");
}
