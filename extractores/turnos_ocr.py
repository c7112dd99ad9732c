"""Los turnos de tesseract de una corrida: un semáforo compartido entre sus procesos hijos (lo
pone `flows.ejecucion` antes de crearlos), con un turno por núcleo: nunca corren más tesseract a
la vez que núcleos, aunque cada proceso lea varias páginas en paralelo; así un escaneo largo que
quedó solo usa todos los núcleos. Aparte de `extractores/ocr.py`, que importa PIL y numpy: el
proceso principal lo pone sin importarlos (una corrida de informes de texto no los usa)."""

from __future__ import annotations

import os

turnos = None


def compartir(semaforo) -> None:
    global turnos
    turnos = semaforo


def hilos_ocr() -> int:
    """Cuántas páginas a la vez: los núcleos disponibles (o INFORMES_HILOS_OCR)."""
    fijado = os.environ.get("INFORMES_HILOS_OCR", "")
    if fijado.isdigit() and int(fijado) > 0:
        return int(fijado)
    return max(1, len(os.sched_getaffinity(0)))
