#!/usr/bin/env bash
# Builds test/apiserver/bin/meshpane-apiserver (embedded etcd + the real kube-apiserver) when it is
# missing or its inputs changed. Inputs are hashed into a stamp next to the binary, so a no-op run
# costs milliseconds and the Go build cache makes real rebuilds cheap after the first one.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
src="$root/test/apiserver"
bin="$src/bin/meshpane-apiserver"
stamp="$src/bin/.inputs.sha256"

command -v go >/dev/null || { echo "build-apiserver: 'go' not found on PATH (Go >= 1.25 needed)" >&2; exit 1; }

# CI must build exactly what go.sum pins, never touch go.mod/go.sum.
if [[ "${CI:-}" == "true" ]]; then
  export GOFLAGS="${GOFLAGS:+$GOFLAGS }-mod=readonly"
fi

# /version should report the real release rather than v0.0.0-master.
k8s_version="$(awk '$1 == "k8s.io/kubernetes" && $2 ~ /^v/ { print $2; exit }' "$src/go.mod")"
minor="$(cut -d. -f2 <<<"$k8s_version")"
pkg=k8s.io/component-base/version
ldflags="-s -w -X $pkg.gitVersion=$k8s_version -X $pkg.gitMajor=1 -X $pkg.gitMinor=$minor -X $pkg.gitTreeState=clean"

inputs="$(cd "$src" && {
  go version
  echo "$ldflags"
  sha256sum go.mod go.sum ./*.go "$root/scripts/build-apiserver.sh"
} | sha256sum | cut -d' ' -f1)"

if [[ -x "$bin" && -f "$stamp" && "$(cat "$stamp")" == "$inputs" ]]; then
  echo "build-apiserver: up to date ($bin)"
  exit 0
fi

echo "build-apiserver: building kube-apiserver $k8s_version + etcd (first build: minutes; later: cached)"
start=$(date +%s)
mkdir -p "$src/bin"
(cd "$src" && go build -trimpath -ldflags "$ldflags" -o "$bin.tmp" .)
mv "$bin.tmp" "$bin"
echo "$inputs" >"$stamp"
echo "build-apiserver: built in $(($(date +%s) - start)) s, $(du -h "$bin" | cut -f1) at $bin"
