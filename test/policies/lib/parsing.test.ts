import { describe, expect, test } from "vitest";
import { accountEntityOf, ACCOUNT_KEYS } from "../../../config/catalog/accounts";
import { allowListed, bareHost } from "../../../policies/lib/hosts";
import { parseImage } from "../../../domain/images";
import {
  hostOfServer,
  isKubeconfigPath,
  readKubeconfig,
  vendorHintOfExec,
} from "../../../policies/lib/kubeconfig";
import { EU_SERVERS, kubeconfigYaml } from "../fixtures/kubernetes";

describe("parseImage", () => {
  test.each([
    ["nginx", { host: "docker.io", path: "library/nginx", implicitHost: true }],
    ["nginx:1.27", { host: "docker.io", path: "library/nginx", implicitHost: true }],
    ["bitnami/redis:7", { host: "docker.io", path: "bitnami/redis", implicitHost: true }],
    ["docker.io/library/nginx", { host: "docker.io", path: "library/nginx", implicitHost: false }],
    ["localhost/app", { host: "localhost", path: "app", implicitHost: false }],
    [
      "Harbor.Example.EU:5000/team/app:1@sha256:abc",
      { host: "harbor.example.eu:5000", path: "team/app", implicitHost: false },
    ],
    [
      "rg.fr-par.scw.cloud/ns/app@sha256:0123",
      { host: "rg.fr-par.scw.cloud", path: "ns/app", implicitHost: false },
    ],
  ])("places %s", (image, expected) => {
    expect(parseImage(image)).toEqual(expected);
  });
});

describe("allowListed", () => {
  test.each<[string[], string, string, boolean]>([
    [["harbor.example.eu"], "harbor.example.eu", "a/b", true],
    [["harbor.example.eu"], "HARBOR.example.eu:443", "a/b", true],
    [["harbor.example.eu"], "harbor.example.eu.evil.io", "a/b", false],
    [["*.example.eu"], "reg.example.eu", "a", true],
    [["*.example.eu"], "example.eu", "a", false],
    [["reg.example.eu/platform"], "reg.example.eu", "platform", true],
    [["reg.example.eu/platform"], "reg.example.eu", "platform/api", true],
    [["reg.example.eu/platform/"], "reg.example.eu", "platform/api", true],
    [["reg.example.eu/platform"], "reg.example.eu", "platform-b/api", false],
    [[], "reg.example.eu", "a", false],
  ])("%j admits %s/%s: %s", (entries, host, path, expected) => {
    expect(allowListed(entries, host, path)).toBe(expected);
  });

  test.each([
    ["k8s.example.eu:6443", "k8s.example.eu"],
    ["2001:db8::1", "2001:db8::1"],
  ])("strips the port of %s", (host, bare) => {
    expect(bareHost(host)).toBe(bare);
  });
});

describe("readKubeconfig", () => {
  test.each([
    ["/home/me/.kube/config", true],
    ["~/.kube/config:/etc/kube/other", true],
    ['{"apiVersion":"v1"}', false],
    ["apiVersion: v1\nkind: Config\n", false],
  ])("treats %s as a path: %s", (text, isPath) => {
    expect(isKubeconfigPath(text)).toBe(isPath);
  });

  test.each([
    ["https://abc.api.k8s.fr-par.scw.cloud:6443", "abc.api.k8s.fr-par.scw.cloud"],
    ["https://34.1.2.3", "34.1.2.3"],
    ["https://[2001:db8::1]:443", "2001:db8::1"],
    ["k8s.example.eu:6443", "k8s.example.eu"],
  ])("takes the host of %s", (server, host) => {
    expect(hostOfServer(server)).toBe(host);
  });

  test("reads the current context's cluster and its user's exec plugin", () => {
    expect(readKubeconfig(kubeconfigYaml({ server: EU_SERVERS.mks, exec: "kubelogin" }))).toEqual({
      kind: "servers",
      servers: [
        {
          cluster: "main",
          server: EU_SERVERS.mks,
          host: "x7k2p9.c1.gra9.k8s.ovh.net",
          execCommand: "kubelogin",
        },
      ],
    });
  });

  test("fails when a cluster has no server", () => {
    expect(readKubeconfig("clusters:\n  - name: a\n    cluster: {}\n")).toEqual({
      kind: "invalid",
      reason: "cluster 'a' has no server",
    });
  });

  test.each([
    ["/usr/bin/aws", "Amazon EKS"],
    ["C:\\tools\\kubelogin", "Azure AKS"],
    ["kubectl-oidc_login", undefined],
    [undefined, undefined],
  ])("hints the vendor of exec plugin %s", (command, hint) => {
    expect(vendorHintOfExec(command)).toBe(hint);
  });
});

describe("accountEntityOf", () => {
  const ovh = ACCOUNT_KEYS.ovh;
  test.each([
    ["ovh-eu", "OVH SAS"],
    [" OVH-US ", "OVHcloud US LLC"],
    ["https://api.ca.ovhcloud.com/1.0", "OVH Hosting Inc. (Canada)"],
    ["ovh-mars", undefined],
    ["https://", undefined],
  ])("knows the entity behind %s", (value, entity) => {
    expect(ovh ? accountEntityOf(ovh, value)?.entity : "no table").toBe(entity);
  });
});
