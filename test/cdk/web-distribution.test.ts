import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, describe, expect, it } from 'vitest';
import {
  WebDistribution,
  type WebDistributionProps,
} from '../../lib/constructs/web-distribution.js';
import { acknowledgeWebNagFindings } from '../../lib/web-nag-acknowledgements.js';
import { CONTENT_SECURITY_POLICY } from '../../web/security-headers.js';

const API_DOMAIN = 'abc123.execute-api.us-east-1.amazonaws.com';

/** AWS's managed policies, by the ids CloudFront gives them. */
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';
const ALL_VIEWER_EXCEPT_HOST_HEADER = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

/** A directory shaped like `web/dist`: a page and a hashed asset. */
function builtApp(): string {
  const root = mkdtempSync(join(tmpdir(), 'web-dist-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(root, 'assets', 'index-abc123.js'), 'export {};');
  return root;
}

const webRoot = builtApp();
const outdirs: string[] = [];
afterAll(() => {
  for (const dir of [webRoot, ...outdirs]) rmSync(dir, { recursive: true, force: true });
});

const CERTIFICATE_ARN = 'arn:aws:acm:us-east-1:123456789012:certificate/0000-1111';

/**
 * The cdk-nag AwsSolutions findings left once the construct's acknowledgements
 * apply, and the rules acknowledged, from the report CDK writes at synth.
 */
function nagFindings(customDomain: boolean) {
  const outdir = mkdtempSync(join(tmpdir(), 'web-nag-'));
  outdirs.push(outdir);
  const app = new App({ outdir });
  const stack = new Stack(app, 'WebNag', { env: { region: 'us-east-1' } });
  const certificate = Certificate.fromCertificateArn(stack, 'Certificate', CERTIFICATE_ARN);
  const domain = customDomain ? { domainNames: ['app.example.com'], certificate } : undefined;
  const web = new WebDistribution(stack, 'Web', {
    apiDomain: API_DOMAIN,
    webRoot,
    customDomain: domain,
  });
  acknowledgeWebNagFindings(web);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  app.synth();

  const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8'));
  const nag = report.pluginReports.find(
    (plugin: { pluginName: string }) => plugin.pluginName === 'AwsSolutions',
  );
  const rule = (violation: { ruleName: string }) => violation.ruleName.replace(/\[.*/, '');
  return {
    open: nag.violations.map(rule) as string[],
    acknowledged: [...new Set((nag.suppressedViolations ?? []).map(rule))].sort(),
    reasons: (nag.suppressedViolations ?? []).map(
      (violation: { reason: string }) => violation.reason,
    ) as string[],
  };
}

function synth(props: Partial<WebDistributionProps> = {}) {
  const stack = new Stack(new App(), 'WebTest', { env: { region: 'us-east-1' } });
  const web = new WebDistribution(stack, 'Web', { apiDomain: API_DOMAIN, webRoot, ...props });
  return { stack, web, template: Template.fromStack(stack) };
}

const { template } = synth();

describe('WebDistribution', () => {
  it('keeps the bucket private, encrypted and reachable over TLS only', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
        ],
      },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Principal: { AWS: '*' },
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
  });

  it('lets only this distribution read the bucket, through origin access control', () => {
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Action: 's3:GetObject',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Condition: { StringEquals: { 'AWS:SourceArn': Match.anyValue() } },
          }),
        ]),
      },
    });
  });

  it('serves the page from the bucket, cached, over HTTPS', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        DefaultCacheBehavior: Match.objectLike({
          ViewerProtocolPolicy: 'redirect-to-https',
          AllowedMethods: ['GET', 'HEAD'],
          CachePolicyId: CACHING_OPTIMIZED,
          ResponseHeadersPolicyId: Match.anyValue(),
        }),
        CustomErrorResponses: Match.absent(),
      }),
    });
  });

  it('passes /api/* to the HTTP API uncached, with every viewer header but Host', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        CacheBehaviors: [
          Match.objectLike({
            PathPattern: '/api/*',
            ViewerProtocolPolicy: 'https-only',
            AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
            CachePolicyId: CACHING_DISABLED,
            OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST_HEADER,
          }),
        ],
        Origins: Match.arrayWith([
          Match.objectLike({
            DomainName: API_DOMAIN,
            CustomOriginConfig: Match.objectLike({
              OriginProtocolPolicy: 'https-only',
              OriginSSLProtocols: ['TLSv1.2'],
            }),
          }),
        ]),
      }),
    });
  });

  it("sends the app's CSP and security headers, with HSTS", () => {
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: {
          ContentSecurityPolicy: { ContentSecurityPolicy: CONTENT_SECURITY_POLICY, Override: true },
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: true },
          ReferrerPolicy: { ReferrerPolicy: 'no-referrer', Override: true },
          StrictTransportSecurity: Match.objectLike({
            AccessControlMaxAgeSec: 63_072_000,
            IncludeSubdomains: true,
          }),
        },
      }),
    });
    expect(CONTENT_SECURITY_POLICY).toMatch(/^default-src 'self';/);
  });

  it('deploys hashed assets for a year and the pages revalidated, then invalidates', () => {
    const deployments = Object.values(template.findResources('Custom::CDKBucketDeployment'));
    const settings = deployments.map((deployment) => deployment.Properties);

    expect(settings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          DestinationBucketKeyPrefix: 'assets/',
          Prune: false,
          SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
        }),
        expect.objectContaining({
          Exclude: ['assets/*'],
          SystemMetadata: { 'cache-control': 'no-cache' },
          DistributionPaths: ['/*'],
        }),
      ]),
    );
  });

  it('deploys a placeholder page, with a warning, when the app was not built', () => {
    const missing = join(tmpdir(), 'no-such-web-dist');

    const { stack, template: placeholder } = synth({ webRoot: missing });

    const deployments = placeholder.findResources('Custom::CDKBucketDeployment');
    expect(Object.keys(deployments)).toHaveLength(1);
    Annotations.fromStack(stack).hasWarning('/WebTest/Web', Match.stringLikeRegexp('placeholder'));
  });

  it.each(['https://abc123.execute-api.us-east-1.amazonaws.com', `${API_DOMAIN}/api`])(
    'refuses an API domain with a scheme or path: %s',
    (apiDomain) => {
      expect(() => synth({ apiDomain })).toThrow(/must be a host name/);
    },
  );

  it('leaves no cdk-nag finding open once its acknowledgements apply, each with a reason', () => {
    const findings = nagFindings(false);

    expect(findings.open).toEqual([]);
    expect(findings.acknowledged).toEqual([
      'AwsSolutions-CFR1',
      'AwsSolutions-CFR2',
      'AwsSolutions-CFR4',
      'AwsSolutions-IAM4',
      'AwsSolutions-IAM5',
      'AwsSolutions-L1',
    ]);
    for (const reason of findings.reasons) expect(reason.length).toBeGreaterThan(80);
  });

  it('holds viewers to TLS 1.2 on a custom domain, so CFR4 needs no acknowledgement', () => {
    const findings = nagFindings(true);

    expect(findings.open).toEqual([]);
    expect(findings.acknowledged).not.toContain('AwsSolutions-CFR4');
  });

  it('logs CloudFront and S3 access to a private bucket that expires them', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Logging: { Bucket: Match.anyValue(), Prefix: 'cloudfront/' },
      }),
    });
    template.hasResourceProperties('AWS::S3::Bucket', {
      LoggingConfiguration: { DestinationBucketName: Match.anyValue(), LogFilePrefix: 's3/' },
    });
    template.hasResourceProperties('AWS::S3::Bucket', {
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' }] },
      LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 90 })] },
      PublicAccessBlockConfiguration: Match.objectLike({ BlockPublicAcls: true }),
    });
  });
});
