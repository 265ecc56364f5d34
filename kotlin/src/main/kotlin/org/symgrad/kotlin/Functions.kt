// The grammar's functions, so that one import (org.symgrad.kotlin.*) brings the operators and
// the functions, and min and max take Kotlin's Int. Each is Expr's static method of that name.
@file:JvmName("Functions")

package org.symgrad.kotlin

import org.symgrad.compiler.api.Expr
import org.symgrad.compiler.api.Index

fun pow(a: Expr, b: Expr): Expr = Expr.pow(a, b)

fun pow(a: Expr, b: Double): Expr = Expr.pow(a, b)

fun pow(a: Expr, b: Int): Expr = Expr.pow(a, b.toDouble())

fun min(a: Expr, b: Expr): Expr = Expr.min(a, b)

fun min(a: Expr, b: Double): Expr = Expr.min(a, b)

fun min(a: Double, b: Expr): Expr = Expr.min(a, b)

fun min(a: Expr, b: Int): Expr = Expr.min(a, b.toDouble())

fun min(a: Int, b: Expr): Expr = Expr.min(a.toDouble(), b)

fun max(a: Expr, b: Expr): Expr = Expr.max(a, b)

fun max(a: Expr, b: Double): Expr = Expr.max(a, b)

fun max(a: Double, b: Expr): Expr = Expr.max(a, b)

fun max(a: Expr, b: Int): Expr = Expr.max(a, b.toDouble())

fun max(a: Int, b: Expr): Expr = Expr.max(a.toDouble(), b)

fun exp(x: Expr): Expr = Expr.exp(x)

fun log(x: Expr): Expr = Expr.log(x)

fun sqrt(x: Expr): Expr = Expr.sqrt(x)

fun sin(x: Expr): Expr = Expr.sin(x)

fun cos(x: Expr): Expr = Expr.cos(x)

fun tan(x: Expr): Expr = Expr.tan(x)

fun tanh(x: Expr): Expr = Expr.tanh(x)

fun sinh(x: Expr): Expr = Expr.sinh(x)

fun cosh(x: Expr): Expr = Expr.cosh(x)

fun asin(x: Expr): Expr = Expr.asin(x)

fun acos(x: Expr): Expr = Expr.acos(x)

fun atan(x: Expr): Expr = Expr.atan(x)

fun abs(x: Expr): Expr = Expr.abs(x)

fun sigmoid(x: Expr): Expr = Expr.sigmoid(x)

fun relu(x: Expr): Expr = Expr.relu(x)

fun softplus(x: Expr): Expr = Expr.softplus(x)

fun log1p(x: Expr): Expr = Expr.log1p(x)

fun expm1(x: Expr): Expr = Expr.expm1(x)

/** `sum(j, w[j] * x[j])`: [body] added up over the range of [index], as a file's sum. */
fun sum(index: Index, body: Expr): Expr = Expr.sum(index, body)

/** `sum(j) { w[j] * x[j] }`: the same, with the body as a block. */
inline fun sum(index: Index, body: () -> Expr): Expr = Expr.sum(index, body())
