import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'

import { makeModel } from '@/testing/factories'
import {
  codeSnippet,
  pythonLiteral,
  pythonString,
  shellQuote,
  snippetActions,
  type SnippetLanguage,
} from './code-snippets'

const hostile = `Ünïcödé 模型 «x» "quoted" 'single' back\\slash\nnew line </script><b>x</b> $HOME \`id\` \u2028`
const modelId = '3725abdd-80f2-4030-8a8d-276519b4f678'
const model = makeModel({
  modelId,
  modelName: hostile,
  instanceType: 'marqtune.performance',
  maxTrainingTime: 7200,
  checkpoints: ['epoch_1', 'epoch_2'],
  hyperparameters: {
    leftKeys: ['query'],
    leftWeights: [1],
    rightKeys: ['image', hostile],
    rightWeights: [0.9, 0.1],
    weightKey: 'score',
    epochs: 2,
    lr: 2e-5,
    nested: { flag: true, none: null, off: false, list: [1, 'two'] },
  },
})
const languages: SnippetLanguage[] = ['python', 'curl']
const all = languages.flatMap((language) =>
  snippetActions.map((action) => ({
    language,
    action,
    text: codeSnippet(language, action, model, 'epoch_2'),
  })),
)

/**
 * What Python makes of a literal: parsed by Python itself, printed back as JSON. Python is
 * needed here and never skipped: `.ci/run` installs it where it is missing. The snippets run
 * whole against the emulator in server/emulator/copy-as-code.test.ts.
 */
function evaluatedByPython(literal: string): unknown {
  const program = 'import ast, json, sys; print(json.dumps(ast.literal_eval(sys.stdin.read())))'
  return JSON.parse(execFileSync('python3', ['-c', program], { input: literal, encoding: 'utf8' }))
}

const python = (action: (typeof snippetActions)[number]) =>
  codeSnippet('python', action, model, 'epoch_2')

describe('the snippets', () => {
  it('never hold a key, and read it from the environment', () => {
    for (const { text } of all) expect(text).not.toMatch(/marqtune-demo-key|x-api-key: [^$]/)
    for (const { text } of all.filter(({ language }) => language === 'python')) {
      expect(text).toContain('api_key=os.environ["MARQO_API_KEY"]')
    }
    for (const { text } of all.filter(({ language }) => language === 'curl')) {
      expect(text).toContain('--header "x-api-key: $MARQO_API_KEY"')
    }
  })

  it('call the official client as its source does', () => {
    expect(python('download')).toContain(
      `client.model("${modelId}").download(checkpoint="epoch_2")`,
    )
    expect(python('release')).toContain(`client.model("${modelId}").release("epoch_2")`)
    expect(python('evaluate')).toContain(`model="${modelId}/epoch_2",`)
    expect(python('evaluate')).toContain('"leftKeys": ["query"]')
    expect(python('evaluate')).toContain('"rightWeights": [0.9, 0.1]')
    expect(python('evaluate')).toContain('"weightKey": "score"')
    expect(python('evaluate')).not.toContain('"epochs"')
    expect(python('train')).toContain(`base_model="${modelId}/epoch_2",`)
    expect(python('train')).toContain('instance_type=InstanceType.PERFORMANCE,')
    expect(python('train')).toContain('from marqtune.enums import InstanceType')
    expect(python('train')).toContain('max_training_time=7200,')
    expect(python('train')).toContain('"flag": True')
    expect(python('train')).toContain('"none": None')
  })

  it('mark what the dashboard cannot know as placeholders', () => {
    for (const { text } of all.filter(({ action }) => action === 'evaluate')) {
      expect(text).toContain('# Replace <EVALUATION_DATASET_ID>')
    }
    for (const { text } of all.filter(({ action }) => action === 'train')) {
      expect(text).toContain('# Replace <TRAINING_DATASET_ID>')
    }
    const bare = makeModel({ modelId, hyperparameters: {}, instanceType: 'marqtune.custom' })
    const evaluate = codeSnippet('python', 'evaluate', bare, 'epoch_1')
    expect(evaluate).toContain('<QUERY_COLUMN>')
    expect(evaluate).toContain('<DOCUMENT_COLUMN>')
    // The weights are required too: one to fill in per column, and the note says they are numbers.
    expect(evaluate).toContain('"leftWeights": ["<QUERY_WEIGHT>"]')
    expect(evaluate).toContain('# Each <…_WEIGHT> is a number')
    const twoColumns = makeModel({ modelId, hyperparameters: { rightKeys: ['image', 'title'] } })
    expect(codeSnippet('curl', 'evaluate', twoColumns, 'epoch_1')).toContain(
      '"rightWeights": [\n      "<DOCUMENT_WEIGHT>",\n      "<DOCUMENT_WEIGHT>"\n    ]',
    )
    const train = codeSnippet('python', 'train', bare, 'epoch_1')
    expect(train).toContain('instance_type="marqtune.custom",')
    expect(train).not.toContain('max_training_time')
    expect(train).not.toContain('InstanceType')
  })

  it('use release and download URLs with the path the API documents', () => {
    expect(codeSnippet('curl', 'release', model, 'epoch_2')).toContain(
      `--request POST 'https://marqtune.marqo.ai/models/${modelId}/released-checkpoints/epoch_2'`,
    )
    expect(codeSnippet('curl', 'download', model, 'epoch_2')).toContain(
      `--request GET 'https://marqtune.marqo.ai/models/${modelId}/download/url?checkpoint=epoch_2'`,
    )
  })
})

describe('escaping', () => {
  it('gives Python string literals that mean exactly the text', () => {
    const texts = [hostile, '', '"', '\\', "'''", '\u0000\u001f', '\ud83d\ude00', '\\u0041']
    // One Python process reads them all: a list of the literals.
    expect(evaluatedByPython(`[${texts.map(pythonString).join(', ')}]`)).toEqual(texts)
  })

  it('gives Python literals that mean exactly the value', () => {
    expect(evaluatedByPython(pythonLiteral(model.hyperparameters))).toEqual(model.hyperparameters)
    expect(evaluatedByPython(pythonLiteral([[], {}, -0.5, 1e21]))).toEqual([[], {}, -0.5, 1e21])
  })

  it('gives Python snippets that compile', () => {
    const compile = 'import sys; compile(sys.stdin.read(), "snippet", "exec")'
    for (const { text } of all.filter(({ language }) => language === 'python')) {
      expect(() => execFileSync('python3', ['-c', compile], { input: text })).not.toThrow()
    }
  })

  it('quotes shell words so that the shell reads back exactly the text', () => {
    for (const text of [hostile, "it's", "''", '$(id)', '\\\n']) {
      const echoed = execFileSync('sh', ['-c', `printf %s ${shellQuote(text)}`], {
        encoding: 'utf8',
      })
      expect(echoed).toBe(text)
    }
  })

  it('sends JSON bodies that parse back to the model’s values', () => {
    const train = codeSnippet('curl', 'train', model, 'epoch_2')
    // The snippet runs as it is, with a stand-in `curl` that prints the body the shell gave it.
    const stub = 'curl() { while [ "$1" != --data ]; do shift; done; printf %s "$2"; }'
    const words = execFileSync('sh', ['-c', `${stub}\n${train}`], { encoding: 'utf8' })
    expect(JSON.parse(words)).toMatchObject({
      modelName: `${hostile} (from epoch_2)`,
      baseModel: `${modelId}/epoch_2`,
      instanceType: 'marqtune.performance',
      maxTrainingTime: 7200,
      hyperparameters: model.hyperparameters,
    })
  })
})

describe('a model nested thousands of levels deep', () => {
  it('still gets its snippets, the depth cut and said so', () => {
    let deep: unknown = 'bottom'
    for (let level = 0; level < 20_000; level++) deep = { inner: deep }
    const deepModel = makeModel({ hyperparameters: { epochs: 3, deep } })
    expect(pythonLiteral(deepModel.hyperparameters)).toContain(
      '"[nested more than 100 levels deep: left out]"',
    )
  })
})
