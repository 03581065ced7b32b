/**
 * What a TLS server offers in a handshake, as the simulator models it: the certificate chain it
 * sends for the name the client asked for (SNI), or a refusal (nginx's `ssl_reject_handshake on`,
 * which answers with an `unrecognized_name` alert). No keys are exchanged and nothing is encrypted:
 * the model is about which certificate a client sees and whether it trusts it.
 */
export type TlsOffer = { chain: string } | { reject: 'unrecognized_name' };

/** The protocol, cipher suite and key exchange group the simulated handshakes settle on. */
export const negotiated = { version: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384', group: 'X25519' } as const;
