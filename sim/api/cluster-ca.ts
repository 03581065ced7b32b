/**
 * The cluster's root certificate authority (kubeadm's `ca.crt`: RSA 2048, CN=kubernetes), whose
 * certificate every kubeconfig and the kube-root-ca.crt ConfigMaps carry. Every simulated cluster
 * shares this one (a real cluster makes its own at `kubeadm init`); its key is not kept.
 */
export const clusterCACertificate = `-----BEGIN CERTIFICATE-----
MIIC6DCCAdCgAwIBAgICEAAwDQYJKoZIhvcNAQELBQAwFTETMBEGA1UEAwwKa3Vi
ZXJuZXRlczAeFw0yNTEyMzEwMDAwMDBaFw0zNTEyMjkwMDAwMDBaMBUxEzARBgNV
BAMMCmt1YmVybmV0ZXMwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEKAoIBAQCS
a3fSrsLAqJsP6VKWU31ZlRQJD6oORaUe7eAGMs/Ppl3Pd7dKNkAYPUD9J1rOt+Ud
dALexvjf7S6DR4YmzfsHJHMjJziyRGpiSST4gSyoMgWnBdPtxBFaCa1NIauo+YOr
DYSxClnUkOfcQgsHjrtrS56+S/VNcpfCQB+ypoUTZmhumIJMhdTEvN3FXaSXzRzG
xA+YuqPXNUMNiY7fAi1XiI/LyKkGO2pGVpb6ZKit8a0+kkpHNoX4p8LCDaiw1CZX
yJXRG1tLMoLzviaO//rps/rUasvblUHMCmkYpInT183R4S3+/qUpRTy2PO7h5G4Y
RiSVcSqtpSDZs/oPgIw7AgMBAAGjQjBAMA8GA1UdEwEB/wQFMAMBAf8wDgYDVR0P
AQH/BAQDAgKkMB0GA1UdDgQWBBRG6B2GgAbYqYpX4tM6ICaJjbiadDANBgkqhkiG
9w0BAQsFAAOCAQEAGG1OfTE+mFfsNGFW7Ap08j11unjh764tGM3c7XvAeSBtf3WL
v2AGUNuqYmGc1117ZwSAAexzNCJa0B7dbP66Aiw/xrnDPsqoc814rNy1X2AWtpfJ
GZl3kscB6c09hkywh726ZlFY3ecvvS4d5Wt3Q25yUiINMNK3E6CqFkKxtNZTBDup
NoutDlQgcEYFZ9soOwMv4RCuwfHKIgQ5kUG+uYouRGWnZpaFElUkJWK8E3dS2o2/
+aQfxomcxEUnNPlnS5ExRrXLOMxE3rTOEFoQ+BZqRtYFwC9uF4wzN4SBkcC5fH22
jUQeCDRIKdMZ7FTa185QrD8fXtRzy/uEjWLHqA==
-----END CERTIFICATE-----
`;

/**
 * The API server's serving certificate (kubeadm's `apiserver.crt`: CN=kube-apiserver, one year,
 * issued by the cluster CA above), with kubeadm's names: kubernetes, kubernetes.default,
 * kubernetes.default.svc, kubernetes.default.svc.cluster.local, the node's name, and the addresses
 * of the default cluster: the `kubernetes` Service's 10.96.0.1 and the API server's 10.0.1.11.
 * Made once for the simulator, like the CA; its key is not kept either.
 */
export const apiServerCertificate = `-----BEGIN CERTIFICATE-----
MIIDfzCCAmegAwIBAgICEAEwDQYJKoZIhvcNAQELBQAwFTETMBEGA1UEAwwKa3Vi
ZXJuZXRlczAeFw0yNTEyMzEwMDAwMDBaFw0yNjEyMzEwMDAwMDBaMBkxFzAVBgNV
BAMMDmt1YmUtYXBpc2VydmVyMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKC
AQEA0uGiOZisnXLPzD24leoGwLID8gMKAmfEyalSuEwBB6344DhlE0twZxhgmgPO
vstcxgbdC0xRr7uEYD1fgA/YCFbmg2fr3JPscV41dPYGYbiS6q4vYTK36iDVeD+j
57m2xMnsx+wsMpxKfquXLOlYQiqKql1hBi7HT0qjTXMlEFjR6YyM7OU8+Wbhav0a
y8SzEGzaWn4yPwT7lZfeWP8WHSKyqd0NVW4da+N1AtQeShuUPP/N/I4vSonyYrg+
nsU9z7Oq5emIDonBrYmLzTQtBop9NhhJ+Br4xaBzj1cBNaAmimiPDR21L6Qk2YN+
p2+K9jnrMPjG++1qPbqIByuvrwIDAQABo4HUMIHRMA4GA1UdDwEB/wQEAwIFoDAT
BgNVHSUEDDAKBggrBgEFBQcDATAMBgNVHRMBAf8EAjAAMB8GA1UdIwQYMBaAFEbo
HYaABtipilfi0zogJomNuJp0MHsGA1UdEQR0MHKCCmt1YmVybmV0ZXOCEmt1YmVy
bmV0ZXMuZGVmYXVsdIIWa3ViZXJuZXRlcy5kZWZhdWx0LnN2Y4Ika3ViZXJuZXRl
cy5kZWZhdWx0LnN2Yy5jbHVzdGVyLmxvY2FsggZub2RlLTGHBApgAAGHBAoAAQsw
DQYJKoZIhvcNAQELBQADggEBAD9mYTj9C1fpuAzSKEveSkS2GCawA7aojnPExoVj
xpwfCWyQR6HUsRI5s4My9lJRLcEFgroXZS7MOFBfAxIAceFnGsjSabrJmQsRtaQI
uU6wkzgJGfsnBeH0y29YtWszQutQowRrD9LG2QbPbmMdKM3z0rcrouYmpo70p+4w
QigIbAnMRLq6UhuXPpeZph+E1bfayK0DIFJBRxyqYIPg3QfMNokOyvRNpp+frLgR
3jFj3X2U30d+5ATvRVfh+0221sQgmtvX83GwyScMFQPnCsPG9EOFYd5ZIM/8LKvZ
tAkfo+ZEsl6fOw3L5h77Cn1zn6q4/tfFGsWyK7DfrC8lCgE=
-----END CERTIFICATE-----
`;
