// Typed GraphQL documents: the operations in src/graphql/*.graphql, checked against the server's schema
// (../graph/*.graphqls, no server needed), become typed document strings in src/gql/. One module per operation,
// so that a page's chunk carries only the operations it sends; src/gql/graphql.ts holds the shared schema types
// (types only: nothing of it reaches the bundle). `npm run codegen` regenerates them; `make check-generated` fails
// when the committed files are stale.
import type { CodegenConfig } from '@graphql-codegen/cli'

const shared = {
  enumsAsTypes: true,
  useTypeImports: true,
  skipTypename: true,
  avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
  scalars: { ID: 'string', Date: 'string', Yuan: 'string', Upload: 'File | Blob | null' },
}

const config: CodegenConfig = {
  schema: '../graph/*.graphqls',
  documents: 'src/graphql/*.graphql',
  generates: {
    'src/gql/graphql.ts': {
      plugins: ['typescript'],
      config: { ...shared, onlyOperationTypes: true },
    },
    'src/gql/': {
      preset: 'near-operation-file',
      presetConfig: { baseTypesPath: 'graphql.ts', folder: '../gql', extension: '.ts' },
      plugins: ['typescript-operations', 'typed-document-node'],
      // A String subclass carrying the result and variable types: no GraphQL AST or printer in the bundle.
      config: { ...shared, documentMode: 'string' },
    },
  },
}

export default config
