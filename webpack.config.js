/* Builds the add-in: task pane, ribbon commands and the browser preview, into dist/.
 *   npm run build        production bundle (what is deployed)
 *   npm run dev-server   https://localhost:3000 with office-addin-dev-certs, for sideloading
 *   npm run preview      production bundle served on http://127.0.0.1 (src/preview/serve.ts)
 */
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { rewriteManifest } = require('./scripts/manifest-url');

/** Set ADDIN_PUBLIC_URL (https, ending in /) to the deployment's address to rewrite the copied manifest. */
const PROD_URL = process.env.ADDIN_PUBLIC_URL;
const PORT = Number(process.env.npm_package_config_dev_server_port || 3000);

async function httpsOptions() {
  let devCerts;
  try {
    devCerts = require('office-addin-dev-certs'); // an optional dependency (see package.json)
  } catch {
    throw new Error('npm run dev-server needs office-addin-dev-certs (an optional dependency npm did not install here): run `npm ci` again with internet access to the npm registry.');
  }
  const o = await devCerts.getHttpsServerOptions();
  return { ca: o.ca, key: o.key, cert: o.cert };
}

/**
 * Adds `<link rel="preload" as="script">` to a page for every file of the named chunk groups (the
 * chunks its entry loads at once with import()), so that the browser fetches them in parallel with
 * the entry instead of after it has run.
 */
class PreloadChunkGroupsPlugin {
  constructor(page, groups) {
    this.page = page;
    this.groups = groups;
  }
  apply(compiler) {
    compiler.hooks.compilation.tap('PreloadChunkGroupsPlugin', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('PreloadChunkGroupsPlugin', (data) => {
        if (data.outputName !== this.page) return data;
        const files = this.groups.flatMap((name) => {
          const group = compilation.namedChunkGroups.get(name);
          if (!group) throw new Error(`PreloadChunkGroupsPlugin: no chunk group named "${name}" (a webpackChunkName in an import())`);
          return group.getFiles().filter((f) => f.endsWith('.js'));
        });
        const links = files.map((f) => HtmlWebpackPlugin.createHtmlTagObject('link', { rel: 'preload', as: 'script', href: data.publicPath + f }));
        return { ...data, headTags: [...data.headTags, ...links] };
      });
    });
  }
}

/**
 * The modules of taskpane.js that call makeStyles(): their styles are resolved at build time
 * (@griffel/webpack-loader), which takes ≈ 25 ms of Griffel's runtime off the pane's first render
 * (Fluent's own components ship resolved already). The panels' styles (src/taskpane/panels.ts) stay
 * resolved at run time, when a panel first shows: precomputed, their CSS text would weigh more than
 * the style objects, and Griffel's runtime is in the page for them anyway.
 */
const AOT_STYLES = /[\\/]src[\\/]taskpane[\\/](App|components[\\/](Header|ScoreProgress))\.tsx$/;

const swc = {
  loader: 'swc-loader',
  options: {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2019',
    },
  },
};

module.exports = async (env, argv) => {
  const dev = argv.mode !== 'production';
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const page = (name, template, chunks) =>
    new HtmlWebpackPlugin({ filename: `${name}.html`, template, chunks, scriptLoading: 'defer', inject: 'body', minify: !dev && { collapseWhitespace: true, removeComments: true } });
  return {
    mode: dev ? 'development' : 'production',
    // No eval-based source maps: the pages' Content-Security-Policy forbids eval.
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      notice: './src/commands/notice.ts',
      report: './src/taskpane/report-page.ts', // "Xem báo cáo": the Office dialog that shows the review report
      preview: './src/preview/preview.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      clean: { keep: /^cli[\\/]/ }, // dist/cli is the command line's build (tsconfig.cli.json)
    },
    resolve: { extensions: ['.ts', '.tsx', '.js', '.json'] },
    module: {
      rules: [
        { test: /\.tsx?$/, exclude: /node_modules/, use: swc },
        // Build-time Griffel for what the pane renders before it can score (bench/README.md, "pane"):
        // their makeStyles() become __styles() with the CSS worked out here, not in the first render.
        // A post loader, so it reads swc's output (plain JavaScript).
        { test: AOT_STYLES, enforce: 'post', use: '@griffel/webpack-loader' },
        // The core and the messages are pure (docs/architecture.md): a module imported for one
        // constant brings only what that constant needs, not the rest of its module's imports.
        { test: /[\\/]src[\\/](core|i18n)[\\/]/, sideEffects: false },
        { test: /\.(png|jpg|jpeg|gif|ico)$/, type: 'asset/resource', generator: { filename: 'assets/[name][ext]' } },
      ],
    },
    performance: { hints: false },
    optimization: {
      splitChunks: {
        cacheGroups: {
          // The scoring engine as ONE file (engine.js), not four: webpack's default splitting had put
          // the modules it shares with the panels and the self-check page (zod, most of the core)
          // into chunks of their own, and each chunk the pane waits for before it can score is one
          // more script element and load event between taskpane.js and the engine running (measured:
          // one file made the pane ready ≈ 35 ms sooner; bench/README.md, "pane"). The panels and the
          // self-check page load engine.js for what they share with it (already there when the
          // engine has run).
          engine: {
            // Every module of the engine's chunk: the chunk itself is left empty and dropped, and
            // this one, named apart (webpack wants a name of its own), is written as engine.js.
            name: 'engine-all',
            filename: 'engine.js',
            chunks: 'async',
            enforce: true,
            priority: 100,
            test: (module, { chunkGraph }) => [...chunkGraph.getModuleChunksIterable(module)].some((chunk) => chunk.name === 'engine'),
          },
        },
      },
    },
    plugins: [
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/help/help.html', to: 'help.html' }, // SupportUrl and LearnMoreUrl; linked from the pane
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (dev || !PROD_URL ? content : rewriteManifest(content.toString(), PROD_URL)),
          },
        ],
      }),
      page('taskpane', './src/taskpane/taskpane.html', ['taskpane']),
      // The pane's scoring engine (src/taskpane/index.tsx imports it at once): fetched with the entry.
      new PreloadChunkGroupsPlugin('taskpane.html', ['engine']),
      page('commands', './src/commands/commands.html', ['commands']),
      page('notice', './src/commands/notice.html', ['notice']),
      page('report', './src/taskpane/report.html', ['report']),
      page('preview', './src/preview/preview.html', ['preview']),
    ],
    devServer: serving
      ? {
          hot: false,
          liveReload: true,
          client: { overlay: false },
          // Only this machine: Office (desktop or on the web) loads the pane from https://localhost:3000;
          // nothing on the network reaches it, and no site may read its files (no wildcard CORS header).
          host: 'localhost',
          allowedHosts: ['localhost'],
          server: { type: 'https', options: await httpsOptions() },
          port: PORT,
          static: false,
        }
      : undefined,
  };
};
