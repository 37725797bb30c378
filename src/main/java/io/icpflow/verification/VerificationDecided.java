package io.icpflow.verification;

/** Told of each session a result decided, in the result's transaction: the stage waiting for it moves on. */
public interface VerificationDecided {

    void decided(VerificationSession session);
}
