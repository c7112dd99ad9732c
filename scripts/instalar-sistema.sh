#!/usr/bin/env bash
# Instala lo que el proyecto necesita del sistema (Debian): tesseract con español para el OCR y
# Chromium para las pruebas del reporte. No hace nada si ya está instalado.
set -euo pipefail
faltan=()
if ! command -v tesseract >/dev/null 2>&1 || ! tesseract --list-langs 2>/dev/null | grep -qx spa; then
  faltan+=(tesseract-ocr tesseract-ocr-spa)
fi
if ! command -v chromium >/dev/null 2>&1; then
  faltan+=(chromium)
fi
[ ${#faltan[@]} -eq 0 ] && exit 0
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "Instalando ${faltan[*]} (apt-get)..." >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${faltan[@]}" >/dev/null
