/**
 * The cluster's root certificate authority (kubeadm's `ca.crt`: RSA 2048, CN=kubernetes), whose
 * certificate every kubeconfig and the kube-root-ca.crt ConfigMaps carry. Every simulated cluster
 * shares this one (a real cluster makes its own at `kubeadm init`); its key is not kept.
 */
export const clusterCACertificate = `-----BEGIN CERTIFICATE-----
MIIC6DCCAdCgAwIBAgICEAAwDQYJKoZIhvcNAQELBQAwFTETMBEGA1UEAwwKa3Vi
ZXJuZXRlczAeFw0yNTEyMzEwMDAwMDBaFw0zNTEyMjkwMDAwMDBaMBUxEzARBgNV
BAMMCmt1YmVybmV0ZXMwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEKAoIBAQCN
7iTaREzoh+Hr0PL++REEG3NTNKTKTe59qzt9F5ahFI3ldfvPYpGVb2nIsWFjgYEd
OxJFalQg0BCgSc/bCljmtIFMkNhrsGsTf/pZCfFvrmu6Vr/LGSsqQGXm5YyabUOv
mtyrL6OJExoe7NbXmHo2+UBxASAR7zGi4zVjBiSEL44Ne83DGBTTKfXiRIqow6hN
j+ZPiw0OtRkp8nzqcnTobIip2cdZx5PDPyL1Gq+hIsNjipyFQNeexBRBgnftHHcP
2GdZ7s19dPcpPQo7G0sgKCOA8nVPzrOswA8jtEbEIO5VuIjuEIr4ablM1g1Wxv91
SLcbICkyjIpvjzqleYiXAgMBAAGjQjBAMA8GA1UdEwEB/wQFMAMBAf8wDgYDVR0P
AQH/BAQDAgKEMB0GA1UdDgQWBBQyEvU9WpRn/wWG1aFabKzMJts5bjANBgkqhkiG
9w0BAQsFAAOCAQEAF0vin41a5jTxYEfyuadJLM1AwQ/I7csCk7D6P7RvLoReJK/m
VQAgMuwfNIqnvNUOHyVsQGL7PNh6fZ+Or6LFORoiy10Hx78vlIxVq2Lt+inpeFr9
LrvWQum12NT8WE1Jj3zFYKSmpttFyGDlbGx5589xTNXYcA+3ucbut91DkkLvd3eV
h/PK1lJr3MOxADsv7Doaq8VlyXc4isG+g8ZqZ/0ABXxw6DPbymFAlKCdvyvqU+LV
qzb05zBg0Q/fzDzuIgi8lshy+M/SLXjJRiZ3C8wZYahnOrY9AyeRPb+MqYPAKovD
53QM3lIzAjqus4lEaur+4XF7usrHFVGID+EVNg==
-----END CERTIFICATE-----
`;
