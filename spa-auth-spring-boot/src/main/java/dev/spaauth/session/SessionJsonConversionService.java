package dev.spaauth.session;

import org.jspecify.annotations.Nullable;

import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.ConverterNotFoundException;
import org.springframework.core.convert.TypeDescriptor;

/**
 * The conversion service through which Spring Session JDBC stores each session attribute: an object
 * becomes its {@link SessionJson} bytes and back, and nothing else converts. Answers directly, without
 * the converter look-up a {@code GenericConversionService} makes for every attribute read.
 */
public final class SessionJsonConversionService implements ConversionService {

	private static final TypeDescriptor BYTES = TypeDescriptor.valueOf(byte[].class);

	private final SessionJson json;

	/**
	 * Creates the service.
	 * @param json writes and reads the attributes
	 */
	public SessionJsonConversionService(SessionJson json) {
		this.json = json;
	}

	@Override
	public boolean canConvert(@Nullable Class<?> sourceType, Class<?> targetType) {
		return (targetType == byte[].class) || (sourceType == byte[].class && targetType == Object.class);
	}

	@Override
	public boolean canConvert(@Nullable TypeDescriptor sourceType, TypeDescriptor targetType) {
		return canConvert((sourceType != null) ? sourceType.getType() : null, targetType.getType());
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> @Nullable T convert(@Nullable Object source, Class<T> targetType) {
		return (T) convert(source, TypeDescriptor.forObject(source), TypeDescriptor.valueOf(targetType));
	}

	/**
	 * Converts an attribute to its stored bytes, or stored bytes to the attribute.
	 * @throws ConverterNotFoundException for any other pair of types
	 * @throws ConversionFailedException when the value cannot be written as JSON
	 */
	@Override
	public @Nullable Object convert(@Nullable Object source, @Nullable TypeDescriptor sourceType,
			TypeDescriptor targetType) {
		if (!canConvert(sourceType, targetType)) {
			throw new ConverterNotFoundException(sourceType, targetType);
		}
		if (source == null) {
			return null;
		}
		if (targetType.getType() == Object.class) {
			return this.json.read((byte[]) source);
		}
		try {
			return this.json.write(source);
		}
		catch (RuntimeException ex) {
			throw new ConversionFailedException(sourceType, BYTES, source, ex);
		}
	}

}
