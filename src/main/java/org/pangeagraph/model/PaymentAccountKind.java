package org.pangeagraph.model;

/** The payment system behind an account. Stored as the constant's name. */
public enum PaymentAccountKind {

    BANK_ACCOUNT,
    CARD_MERCHANT,
    E_WALLET,
    CRYPTO_WALLET,
    MONEY_TRANSFER

}
