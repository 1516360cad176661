# Sourced by the scripts: puts the project's wasm-opt (npm binaryen) first on
# PATH and names the browser for every tool that launches one.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROME_PATH=/usr/bin/chromium
export CHROMEDRIVER=/usr/bin/chromedriver
source scripts/versions.env
