# The two commands: `make run` (build and launch the app on its demo database) and
# `make test` (every test). Both install what is missing first (scripts/setup.sh).
.PHONY: run test setup lint bench deb

run:
	bash scripts/run.sh

test:
	bash scripts/test.sh

setup:
	bash scripts/setup.sh

lint:
	bash scripts/lint.sh

bench:
	cargo bench --bench engine
	cargo bench --bench save_value
	cargo bench --bench eval
	cargo bench --bench report

deb:
	bash scripts/setup.sh
	cd ui && npm run build
	ui/node_modules/.bin/tauri build --bundles deb
