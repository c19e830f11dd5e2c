package io.kubelauncher.gotemplate.helm;

import io.kubelauncher.gotemplate.encoding.JsonMarshaler;
import io.kubelauncher.gotemplate.function.GoValue;

/** A nil {@code error}: what {@code ExecResult.Err} holds when the command succeeded. */
enum NilError implements GoValue, JsonMarshaler {
    INSTANCE;

    @Override
    public String goTypeName() {
        return "error";
    }

    @Override
    public String goString() {
        return "<nil>";
    }

    @Override
    public boolean isNil() {
        return true;
    }

    @Override
    public Object toJsonValue() {
        return null;
    }
}
