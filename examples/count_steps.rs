fn main() {
    let src = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    let mut vm = bytestep::vm::Vm::new(&src, "x.py").unwrap();
    let t = std::time::Instant::now();
    vm.run();
    let dt = t.elapsed();
    println!(
        "{} steps in {:?} = {:.1} ns/step",
        vm.steps(),
        dt,
        dt.as_nanos() as f64 / vm.steps() as f64
    );
}
