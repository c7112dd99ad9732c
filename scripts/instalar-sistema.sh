#!/usr/bin/env bash
# Instala lo que el proyecto necesita del sistema (Debian): tesseract con español para el OCR.
# No hace nada si ya está instalado.
set -euo pipefail
if command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx spa; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "Instalando tesseract-ocr y tesseract-ocr-spa (apt-get)..." >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq tesseract-ocr tesseract-ocr-spa >/dev/null
