// The runtime's result classes as Kotlin properties: result.params, report.valLoss. Records
// (ModelDefinition, ModelInfo, ParameterInfo, TrainingCheckpoint) read as properties already.
@file:JvmName("Properties")

package org.symgrad.kotlin

import org.symgrad.runtime.CompiledModel
import org.symgrad.runtime.ModelInfo
import org.symgrad.runtime.train.Divergence
import org.symgrad.runtime.train.EpochReport
import org.symgrad.runtime.train.History
import org.symgrad.runtime.train.StopReason
import org.symgrad.runtime.train.TrainingCheckpoint
import org.symgrad.runtime.train.TrainingResult

val CompiledModel.info: ModelInfo
    get() = info()

/** The fitted parameters (a copy), in [ModelInfo.parameters] order. */
val TrainingResult.params: DoubleArray
    get() = params()

val TrainingResult.trainLoss: Double
    get() = trainLoss()

/** Null without a validation set. */
val TrainingResult.valLoss: Double?
    get() = valLoss()

val TrainingResult.epochs: Int
    get() = epochs()

val TrainingResult.stopReason: StopReason
    get() = stopReason()

/** Null unless the fit diverged. */
val TrainingResult.divergence: Divergence?
    get() = divergence()

/** Null without a validation set. */
val TrainingResult.bestEpoch: Int?
    get() = bestEpoch()

val TrainingResult.history: History
    get() = history()

val TrainingResult.checkpoint: TrainingCheckpoint
    get() = checkpoint()

val EpochReport.epoch: Int
    get() = epoch()

val EpochReport.trainLoss: Double
    get() = trainLoss()

/** Null without a validation set. */
val EpochReport.valLoss: Double?
    get() = valLoss()

val EpochReport.learningRate: Double
    get() = learningRate()
