fn main() {
    let path = std::path::PathBuf::from(std::env::args().nth(1).unwrap());
    let config = kinerja::config::Config::builtin();
    for _ in 0..5 {
        std::hint::black_box(kinerja::check::check(&path, &config, &Default::default()));
    }
}
