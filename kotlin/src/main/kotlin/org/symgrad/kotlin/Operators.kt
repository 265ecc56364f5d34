// What Java cannot declare: operators with a number on the left (2.0 * x), operators taking
// Kotlin's Int (Kotlin never widens an Int to the double of a Java method), and infix pow.
// The operators with an Expr on the left and a Double on the right are Expr's own methods.
@file:JvmName("Operators")

package org.symgrad.kotlin

import org.symgrad.compiler.api.Expr

operator fun Double.plus(e: Expr): Expr = Expr.constant(this).plus(e)

operator fun Double.minus(e: Expr): Expr = Expr.constant(this).minus(e)

operator fun Double.times(e: Expr): Expr = Expr.constant(this).times(e)

operator fun Double.div(e: Expr): Expr = Expr.constant(this).div(e)

operator fun Int.plus(e: Expr): Expr = toDouble() + e

operator fun Int.minus(e: Expr): Expr = toDouble() - e

operator fun Int.times(e: Expr): Expr = toDouble() * e

operator fun Int.div(e: Expr): Expr = toDouble() / e

operator fun Expr.plus(n: Int): Expr = plus(n.toDouble())

operator fun Expr.minus(n: Int): Expr = minus(n.toDouble())

operator fun Expr.times(n: Int): Expr = times(n.toDouble())

operator fun Expr.div(n: Int): Expr = div(n.toDouble())

/**
 * `x pow 3` is the grammar's `x^3`. An infix call binds more loosely than Kotlin's arithmetic,
 * unlike `^`: `w * x pow 2` is `(w * x) pow 2` and `-x pow 2` is `(-x) pow 2`, so write
 * `w * (x pow 2)` and `-(x pow 2)`.
 */
infix fun Expr.pow(e: Expr): Expr = Expr.pow(this, e)

infix fun Expr.pow(n: Double): Expr = Expr.pow(this, n)

infix fun Expr.pow(n: Int): Expr = Expr.pow(this, n.toDouble())

infix fun Double.pow(e: Expr): Expr = Expr.pow(this, e)

infix fun Int.pow(e: Expr): Expr = Expr.pow(toDouble(), e)
