fn main() {
    for path in std::env::args().skip(1) {
        match peacediff::Plan::from_path(&path) {
            Ok(plan) => println!("{}: ok, {} clauses", plan.id, plan.clauses.len()),
            Err(err) => println!("{err}"),
        }
    }
}
