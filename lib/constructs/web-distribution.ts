import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Annotations, Duration, RemovalPolicy, Token } from 'aws-cdk-lib';
import type { ICertificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import {
  BucketDeployment,
  CacheControl,
  type ISource,
  Source,
} from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { CONTENT_SECURITY_POLICY, WEB_SECURITY_HEADERS } from '../../web/security-headers.js';

/** `web/dist`, where `vite build --config web/vite.config.ts` writes the app. */
export const DEFAULT_WEB_ROOT = resolve(fileURLToPath(new URL('../../web/dist', import.meta.url)));

/** Served when the app was not built before synth, so a deploy never fails for it. */
const PLACEHOLDER_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Not built</title></head>
<body><main><h1>The web app was not built</h1>
<p>Run <code>npx vite build --config web/vite.config.ts</code>, then deploy again.</p></main></body></html>
`;

export interface WebDistributionProps {
  /**
   * Domain name of the HTTP API, such as `abc123.execute-api.eu-west-1.amazonaws.com`:
   * no scheme and no path. Requests to `/api/*` go there unchanged.
   */
  readonly apiDomain: string;
  /** The built app; @default web/dist. A missing directory deploys a placeholder page. */
  readonly webRoot?: string;
  /** @default PriceClass.PRICE_CLASS_100 */
  readonly priceClass?: PriceClass;
  /**
   * A custom domain: its names and an ACM certificate in us-east-1. Only
   * then can viewers be held to TLS 1.2; the default `*.cloudfront.net`
   * certificate also accepts TLS 1.0.
   */
  readonly customDomain?: { readonly domainNames: string[]; readonly certificate: ICertificate };
  /** How long access logs are kept. @default 90 days */
  readonly logRetention?: Duration;
}

/**
 * The web app on CloudFront: a private bucket read through origin access
 * control for the page, and `/api/*` passed to the HTTP API uncached with
 * every viewer header but Host, so the page and the API share one origin and
 * the page's CSP can stay `default-src 'self'`.
 *
 * There are no custom error responses: they would apply to `/api/*` too and
 * turn the API's 403 and 404 into the page. The app routes by URL fragment
 * (`#/agents/…`), so S3 only ever sees paths of real files.
 */
export class WebDistribution extends Construct {
  readonly bucket: Bucket;
  /** CloudFront's and S3's access logs of the app. */
  readonly logBucket: Bucket;
  readonly distribution: Distribution;
  /** The deployments of the built app (assets, if built, and pages). */
  readonly deployments: BucketDeployment[] = [];
  /** `https://<id>.cloudfront.net`, the page's origin. */
  readonly url: string;
  /** True when viewers reach it on a custom domain, held to TLS 1.2. */
  readonly hasCustomDomain: boolean;

  constructor(scope: Construct, id: string, props: WebDistributionProps) {
    super(scope, id);
    assertApiDomain(props.apiDomain);
    this.hasCustomDomain = props.customDomain !== undefined;

    this.logBucket = new Bucket(this, 'Logs', {
      ...PRIVATE_BUCKET,
      // CloudFront's standard logs are delivered with an ACL grant.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: props.logRetention ?? Duration.days(90) }],
    });
    this.bucket = new Bucket(this, 'Bucket', {
      ...PRIVATE_BUCKET,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 's3/',
    });
    this.distribution = this.createDistribution(props);
    this.url = `https://${this.distribution.distributionDomainName}`;
    this.deployContent(props.webRoot ?? DEFAULT_WEB_ROOT);
  }

  private createDistribution(props: WebDistributionProps): Distribution {
    const responseHeadersPolicy = securityHeadersPolicy(this);
    const api = new HttpOrigin(props.apiDomain, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [OriginSslPolicy.TLS_V1_2],
      // API Gateway answers within 29 s; the gateway function ends calls at 25 s.
      readTimeout: Duration.seconds(30),
    });

    return new Distribution(this, 'Distribution', {
      comment: 'Agent settings web app, with /api/* passed to the HTTP API',
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: props.priceClass ?? PriceClass.PRICE_CLASS_100,
      ...(props.customDomain
        ? { ...props.customDomain, minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021 }
        : {}),
      logBucket: this.logBucket,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy,
      },
      additionalBehaviors: {
        '/api/*': {
          origin: api,
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy,
        },
      },
    });
  }

  /**
   * Hashed files under `assets/` are cached for a year; everything else
   * (index.html, the icon) is revalidated, so a deploy shows at once.
   */
  private deployContent(webRoot: string): void {
    const built = existsSync(join(webRoot, 'index.html'));
    if (!built) {
      Annotations.of(this).addWarning(
        `${webRoot} holds no built app: deploying a placeholder page. ` +
          'Run `npx vite build --config web/vite.config.ts` before deploying.',
      );
    }

    const hashed = built && existsSync(join(webRoot, 'assets'));
    const assets = hashed
      ? new BucketDeployment(this, 'DeployAssets', {
          sources: [Source.asset(join(webRoot, 'assets'))],
          destinationBucket: this.bucket,
          destinationKeyPrefix: 'assets/',
          cacheControl: [CacheControl.fromString('public, max-age=31536000, immutable')],
          // A page still open in a browser may load the previous build's files.
          prune: false,
        })
      : undefined;

    const pages = new BucketDeployment(this, 'DeployPages', {
      sources: [pagesSource(webRoot, built)],
      destinationBucket: this.bucket,
      exclude: ['assets/*'],
      cacheControl: [CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: ['/*'],
    });
    if (assets) pages.node.addDependency(assets);
    this.deployments.push(...(assets ? [assets] : []), pages);
  }
}

/** Private, encrypted, TLS-only; holds build output or logs, so nothing worth retaining. */
const PRIVATE_BUCKET = {
  blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
  encryption: BucketEncryption.S3_MANAGED,
  enforceSSL: true,
  minimumTLSVersion: 1.2,
  removalPolicy: RemovalPolicy.DESTROY,
  autoDeleteObjects: true,
} as const;

function pagesSource(webRoot: string, built: boolean): ISource {
  if (!built) return Source.data('index.html', PLACEHOLDER_HTML);
  return Source.asset(webRoot, { exclude: ['assets'] });
}

/** The headers scripts/local/web-files.ts serves locally, plus HSTS, on every answer. */
function securityHeadersPolicy(scope: Construct): ResponseHeadersPolicy {
  const securityHeaderNames = new Set([
    'content-security-policy',
    'x-content-type-options',
    'x-frame-options',
    'referrer-policy',
  ]);
  const customHeaders = Object.entries(WEB_SECURITY_HEADERS)
    .filter(([header]) => !securityHeaderNames.has(header))
    .map(([header, value]) => ({ header, value, override: true }));

  return new ResponseHeadersPolicy(scope, 'SecurityHeaders', {
    comment: 'CSP and security headers of the agent settings web app',
    securityHeadersBehavior: {
      contentSecurityPolicy: { contentSecurityPolicy: CONTENT_SECURITY_POLICY, override: true },
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
      referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
      strictTransportSecurity: {
        accessControlMaxAge: Duration.days(730),
        includeSubdomains: true,
        override: true,
      },
    },
    customHeadersBehavior: { customHeaders },
  });
}

/** A bare host name: a scheme or path would make CloudFront call the wrong place. */
function assertApiDomain(apiDomain: string): void {
  if (Token.isUnresolved(apiDomain)) return;
  if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i.test(apiDomain)) {
    throw new Error(
      `WebDistribution apiDomain must be a host name such as ` +
        `"abc123.execute-api.eu-west-1.amazonaws.com"; got "${apiDomain}"`,
    );
  }
}
