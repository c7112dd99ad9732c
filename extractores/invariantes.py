"""Invariante de la segmentación: ningún texto de un procedimiento se pierde ni se cuenta dos
veces entre las líneas limpias y lo que sale de ellas (encabezados, descripción, incisos,
cierre y lo descartado, como la numeración).

Se compara la cuenta de letras y dígitos: unir líneas sólo quita guiones y espacios, así que
cualquier diferencia es texto perdido o repetido.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable


def cuenta(textos: Iterable[str]) -> Counter[str]:
    """Cuántas veces aparece cada letra o dígito (se cuentan todos los caracteres juntos, en C,
    y luego se dejan sólo las letras y los dígitos: la mitad del costo de filtrar uno a uno)."""
    todos = Counter("".join(textos))
    return Counter({caracter: n for caracter, n in todos.items() if caracter.isalnum()})


def diferencia(fuente: Iterable[str], salida: Iterable[str]) -> str:
    """Vacío si cuadran; si no, una oración con lo que falta y lo que sobra."""
    antes, despues = cuenta(fuente), cuenta(salida)
    if antes == despues:
        return ""
    faltan = sum((antes - despues).values())
    sobran = sum((despues - antes).values())
    return (
        f"El texto no cuadra: se perdieron {faltan} caracteres y se repitieron {sobran} "
        "entre las líneas y los incisos."
    )
