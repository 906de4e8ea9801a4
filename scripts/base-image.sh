#!/usr/bin/env bash
# Builds a base image for Meridian's container image (the `image` profile, docs/deployment.md) from Debian's own
# packages, for machines that reach a Debian mirror but no container registry. Needs root (debootstrap, chroot) on
# Debian or Ubuntu; no container daemon.
#
#   sudo scripts/base-image.sh [OUT.tar]            # default target/base-image.tar
#   ./mvnw -Pimage verify -Dimage.base=tar://$PWD/target/base-image.tar
#
# What it makes: a minimal Debian bookworm (debootstrap --variant=minbase) with openjdk-17-jre-headless,
# ca-certificates, tzdata and the Noto Sans CJK font the feedback PDFs embed (only NotoSansCJK-Regular.ttc, the face
# Meridian reads; the bold and serif collections are left out), from bookworm, bookworm-updates and
# bookworm-security; without documentation, manual pages, translations, apt's package lists and caches, logs and
# device nodes; with the user meridian (10001, group 0, home /var/lib/meridian) that the image runs as, so that the
# user has a name (PostgreSQL's initdb and Java's user.home need one). Packed as `docker save` writes an image
# (manifest.json, the config, one uncompressed layer tar) that Jib takes as tar://…, and `docker load` and
# `podman load` read too. The config sets PATH, JAVA_HOME and LANG=C.UTF-8 and nothing else: Jib gives the entrypoint.
set -euo pipefail

out=$(realpath -m "${1:-target/base-image.tar}")
suite=bookworm
arch=amd64
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
security=${DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}
java_home=/usr/lib/jvm/java-17-openjdk-$arch
packages=(openjdk-17-jre-headless ca-certificates tzdata fonts-noto-cjk)

if [ "$(id -u)" -ne 0 ]; then
  echo "base-image.sh needs root (debootstrap and chroot): sudo $0 $*" >&2
  exit 2
fi
if ! command -v debootstrap >/dev/null 2>&1; then
  echo "Installing debootstrap"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
fi

work=$(mktemp -d /tmp/meridian-base.XXXXXX)
root=$work/rootfs
cleanup() {
  if mountpoint -q "$root/proc" 2>/dev/null; then umount "$root/proc"; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "debootstrap $suite ($arch, minbase) from $mirror"
debootstrap --variant=minbase --arch="$arch" "$suite" "$root" "$mirror" >"$work/debootstrap.log" 2>&1 \
  || { tail -n 30 "$work/debootstrap.log" >&2; exit 1; }

# dpkg leaves these out of every package installed from now on (the files of the minbase are removed below)
cat >"$root/etc/dpkg/dpkg.cfg.d/meridian-slim" <<'EOF'
# scripts/base-image.sh of Meridian: no documentation (the copyright files stay), manual pages or translations,
# and of fonts-noto-cjk only NotoSansCJK-Regular.ttc, the face the feedback PDFs embed
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
path-include /usr/share/locale/locale.alias
path-exclude /usr/share/lintian/*
path-exclude /usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc
path-exclude /usr/share/fonts/opentype/noto/NotoSerifCJK-*
EOF
cat >"$root/etc/apt/sources.list" <<EOF
deb $mirror $suite main
deb $mirror $suite-updates main
deb $security $suite-security main
EOF
echo 'APT::Install-Recommends "false";' >"$root/etc/apt/apt.conf.d/90meridian-no-recommends"

mount -t proc proc "$root/proc" # the JRE's own scripts (ca-certificates-java) run java
echo "Installing ${packages[*]}"
chroot "$root" apt-get update -qq
DEBIAN_FRONTEND=noninteractive chroot "$root" apt-get install -y -qq "${packages[@]}" >"$work/apt.log" 2>&1 \
  || { tail -n 30 "$work/apt.log" >&2; exit 1; }
chroot "$root" apt-get upgrade -y -qq >>"$work/apt.log" 2>&1
chroot "$root" useradd --uid 10001 --gid 0 --home-dir /var/lib/meridian --no-create-home \
  --shell /usr/sbin/nologin meridian
version=$(chroot "$root" dpkg-query -W -f='${Version}' openjdk-17-jre-headless)
chroot "$root" java -version 2>&1 | sed 's/^/  /'
chroot "$root" apt-get clean
umount "$root/proc"

# what an image does not carry: caches, lists, logs, the machine's identity, device nodes (the runtime makes /dev)
rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/cache/debconf/*-old \
  "$root"/var/lib/dpkg/*-old "$root"/var/log/* "$root"/tmp/* "$root"/var/tmp/* "$root"/dev/* "$root"/proc/* \
  "$root"/sys/* "$root"/run/* "$root"/root/.bash_history
find "$root/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete
find "$root/usr/share/doc" -mindepth 1 -type d -empty -delete
rm -rf "$root"/usr/share/man/* "$root"/usr/share/info/* "$root"/usr/share/lintian/*
find "$root/usr/share/locale" -mindepth 1 -maxdepth 1 -not -name locale.alias -exec rm -rf {} +
: >"$root/etc/machine-id"
: >"$root/etc/resolv.conf"
echo meridian >"$root/etc/hostname"

echo "Packing $out"
image=$work/image
mkdir -p "$image"
created=$(date -u +%Y-%m-%dT%H:%M:%SZ)
layer_tar=$work/layer.tar
(cd "$root" && tar --create --file="$layer_tar" --format=gnu --numeric-owner --sort=name --one-file-system -- *)
diff_id=$(sha256sum "$layer_tar" | cut -d' ' -f1)
mkdir "$image/$diff_id"
mv "$layer_tar" "$image/$diff_id/layer.tar"
cat >"$work/config.json" <<EOF
{"architecture":"$arch","os":"linux","created":"$created",
 "config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=$java_home","LANG=C.UTF-8"]},
 "rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},
 "history":[{"created":"$created","created_by":"scripts/base-image.sh: debootstrap --variant=minbase $suite; apt-get install ${packages[*]} (openjdk $version); user meridian 10001:0"}]}
EOF
config=$(sha256sum "$work/config.json" | cut -d' ' -f1)
mv "$work/config.json" "$image/$config.json"
tag="meridian-base:$suite-jre17"
printf '[{"Config":"%s.json","RepoTags":["%s"],"Layers":["%s/layer.tar"]}]\n' "$config" "$tag" "$diff_id" \
  >"$image/manifest.json"
mkdir -p "$(dirname "$out")"
tar --create --file="$out.tmp" --format=gnu --numeric-owner --owner=0 --group=0 -C "$image" \
  manifest.json "$config.json" "$diff_id"
mv "$out.tmp" "$out"
echo "$out: $tag, $(du -h "$out" | cut -f1), openjdk-17-jre-headless $version"
