/**
 * The model in the List Models page's own example, placeholders and all (docs.marqo.ai,
 * reference/marqtune/model/list-models): what a reader of the docs would build a client for.
 */
export const documentedExample = {
  modelId: 'idInSystem',
  modelName: 'nameInSystem',
  status: 'currentStatus',
  secondaryStatus: 'secondaryStatus',
  failureReason: 'reasonForFailure',
  baseModel: 'baseModel',
  instanceType: 'marqtune.basic|marqtune.performance',
  maxTrainingTime: 'maxTrainingTime',
  checkpoints: ['checkpoint-1', 'checkpoint-2'],
  hyperparameters: 'Training task parameters - see the Training parameters guide for details.',
}
