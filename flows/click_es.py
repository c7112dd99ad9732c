"""Mensajes de click en español: cada módulo de click importó `gettext as _`; aquí se le da una
función que traduce los mensajes que una persona puede ver y deja igual los demás."""

from __future__ import annotations

import importlib

MODULOS = ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types", "utils")

TRADUCCIONES = {
    "Usage:": "Uso:",
    "Options": "Opciones",
    "Commands": "Órdenes",
    "Positional arguments": "Argumentos",
    "Show this message and exit.": "Muestra esta ayuda y termina.",
    "Show the version and exit.": "Muestra la versión y termina.",
    "Error: {message}": "Error: {message}",
    "Try '{command} {option}' for help.": "Vea «{command} {option}» para la ayuda.",
    "Aborted!": "¡Interrumpido!",
    "Missing command.": "Falta la orden.",
    "Missing argument": "Falta el argumento",
    "Missing option": "Falta la opción",
    "Missing parameter": "Falta un parámetro",
    "Missing parameter: {param_name}": "Falta el parámetro: {param_name}",
    "Missing {param_type}": "Falta {param_type}",
    "No such command {name!r}.": "No existe la orden {name!r}.",
    "No such option {name!r}.": "No existe la opción {name!r}.",
    "No such option: {name}": "No existe la opción: {name}",
    "Option {name!r} does not take a value.": "La opción {name!r} no lleva valor.",
    "Option {name!r} requires an argument.": "La opción {name!r} requiere un valor.",
    "Option {name!r} requires {nargs} arguments.": "La opción {name!r} requiere {nargs} valores.",
    "Got unexpected extra argument ({args})": "Argumento de más inesperado ({args})",
    "Got unexpected extra arguments ({args})": "Argumentos de más inesperados ({args})",
    "Invalid value for {param_hint}: {message}": "Valor inválido para {param_hint}: {message}",
    "Invalid value: {message}": "Valor inválido: {message}",
    "{name} {filename!r} does not exist.": "{name} {filename!r} no existe.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} es una carpeta.",
    "{name} {filename!r} is a file.": "{name} {filename!r} es un archivo.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} no se puede leer.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} no se puede escribir.",
    "{value!r} is not a valid {number_type}.": "{value!r} no es un {number_type} válido.",
    "{value} is not in the range {range}.": "{value} no está en el intervalo {range}.",
    "{value!r} is not one of {choices}.": "{value!r} no es uno de {choices}.",
    "{value!r} is not {choice}.": "{value!r} no es {choice}.",
    "Choose from:\n\t{choices}": "Elija entre:\n\t{choices}",
    "default: {default}": "por omisión: {default}",
    "file": "archivo",
    "directory": "carpeta",
    "path": "ruta",
    "integer": "entero",
    "float": "número",
}


def traducir(mensaje: str) -> str:
    return TRADUCCIONES.get(mensaje, mensaje)


def traducir_plural(singular: str, plural: str, n: int) -> str:
    return traducir(singular if n == 1 else plural)


def instalar() -> None:
    for nombre in MODULOS:
        modulo = importlib.import_module(f"click.{nombre}")
        if hasattr(modulo, "_"):
            modulo._ = traducir  # type: ignore[attr-defined]
        if hasattr(modulo, "ngettext"):
            modulo.ngettext = traducir_plural  # type: ignore[attr-defined]
